/**
 * The mapping screen's live review: mapping rules plus row validation of the whole file
 * (streamed from the user's file, so line numbers are the editor's). The screen asks on
 * every edit; a newer question supersedes an older one, whose answer is then the newer
 * one's (the screen drops answers for old revisions anyway), and the last answers are
 * kept so Start and "Show in Problems" do not read the file again.
 */
import type { RecordKind } from '../../../shared/vocabulary';
import { type CsvDialect, type ValidationReport, summarizeValidation, validateRows } from '../../csv';
import { checkMapping, toApiColumns } from '../../mapping';
import type { ColumnMapping, MappingReview } from '../../../shared/protocol';

export interface ReviewedMapping {
  readonly review: MappingReview;
  readonly report: ValidationReport;
}

const KEPT = 4;

export class MappingReviewer {
  private readonly answers = new Map<string, Promise<ReviewedMapping>>();
  private latest: { key: string; controller: AbortController } | undefined;

  constructor(
    private readonly path: string,
    private readonly dialect: CsvDialect,
    private readonly kind: RecordKind,
    private readonly headers: readonly string[],
  ) {}

  async review(mapping: ColumnMapping): Promise<MappingReview> {
    return (await this.reviewWithReport(mapping)).review;
  }

  reviewWithReport(mapping: ColumnMapping): Promise<ReviewedMapping> {
    const key = JSON.stringify(mapping);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    if (this.latest !== undefined && this.latest.key !== key) this.latest.controller.abort();
    const controller = new AbortController();
    this.latest = { key, controller };
    const answer = this.compute(mapping, controller.signal).catch((error: unknown) => {
      this.answers.delete(key);
      // Superseded: answer with the newest question's result instead of an error.
      if (controller.signal.aborted && this.latest !== undefined && this.latest.key !== key) return this.reviewWithReport(JSON.parse(this.latest.key) as ColumnMapping);
      throw error;
    });
    this.answers.set(key, answer);
    while (this.answers.size > KEPT) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }

  dispose(): void {
    this.latest?.controller.abort();
    this.answers.clear();
  }

  private async compute(mapping: ColumnMapping, signal: AbortSignal): Promise<ReviewedMapping> {
    const check = checkMapping(this.kind, this.headers, mapping);
    const report = await validateRows(this.path, this.dialect, this.kind, toApiColumns(mapping), { signal });
    return {
      report,
      review: {
        identifier: check.identifier,
        issues: check.issues,
        validation: { rowsChecked: report.rowsChecked, items: summarizeValidation(report) },
      },
    };
  }
}
