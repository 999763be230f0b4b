/**
 * Modal questions: a warning dialog with buttons, where Cancel and Escape answer
 * undefined. The questions a test has to answer go through here (the double-import
 * question), so the integration tests, where nobody can click a dialog, answer them
 * through the test API instead and read what was asked.
 */
import * as vscode from 'vscode';

export interface ModalQuestion {
  readonly message: string;
  readonly buttons: readonly string[];
}

/** One of `question.buttons`, or undefined for Cancel. */
export type Answerer = (question: ModalQuestion) => string | undefined | Promise<string | undefined>;

export class ModalQuestions {
  private answerer: Answerer | undefined;

  /** The button picked, or undefined (Cancel, Escape, or an answer that is not one of the buttons). */
  async ask(message: string, ...buttons: string[]): Promise<string | undefined> {
    const answerer = this.answerer;
    const picked = answerer === undefined
      ? await vscode.window.showWarningMessage(message, { modal: true }, ...buttons)
      : await answerer({ message, buttons });
    return picked !== undefined && buttons.includes(picked) ? picked : undefined;
  }

  /** Tests: every question is answered by `answerer` instead of a dialog, until the result is disposed. */
  answerWith(answerer: Answerer): vscode.Disposable {
    this.answerer = answerer;
    return new vscode.Disposable(() => {
      if (this.answerer === answerer) this.answerer = undefined;
    });
  }
}
