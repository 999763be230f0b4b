/**
 * Splits a long message into its short reason and the rest, so a notification (which
 * shows one line) leads with what happened and keeps the explanation a click away:
 *   "x.csv cannot be imported: The file has a header row but no data rows. Add rows…"
 *   → lead "x.csv cannot be imported: The file has a header row but no data rows."
 */
export interface LeadAndRest {
  readonly lead: string;
  /** Undefined when the message is short enough to show whole. */
  readonly rest: string | undefined;
}

/** About what a notification shows on one line before it cuts. */
export const ONE_LINE = 90;

export function leadSentence(message: string, maxLead = ONE_LINE): LeadAndRest {
  const text = message.trim();
  if (text.length <= maxLead) return { lead: text, rest: undefined };
  // The first sentence end (". ", "! ", "? ") that leaves a reason of some length.
  const end = /[.!?](?=\s+\S)/g;
  for (let match = end.exec(text); match !== null; match = end.exec(text)) {
    const lead = text.slice(0, match.index + 1);
    if (lead.length < 12) continue;
    return { lead, rest: text.slice(match.index + 1).trim() };
  }
  return { lead: text, rest: undefined };
}
