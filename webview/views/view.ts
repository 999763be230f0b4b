import type { FileReading, TargetState } from '../../src/shared/protocol';
import type { ScreenState } from '../screen-state';

/** A part of the screen: built once per `init`, refreshed on every state change. */
export interface View {
  readonly element: HTMLElement;
  update(state: ScreenState): void;
}

/** What views may ask the screen to do; the screen turns these into state + messages. */
export interface ScreenActions {
  setField(column: number, field: string | null): void;
  setTarget(target: TargetState): void;
  setSaveMapping(save: boolean): void;
  createList(name: string): void;
  start(): void;
  showInProblems(): void;
  /** Read the file again another way (encoding, formulas): a new preview and upload. */
  reread(reading: FileReading): void;
  closePanel(): void;
}
