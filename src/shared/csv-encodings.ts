/**
 * The text encodings a CSV can be read in: one list for the pre-flight (core), the
 * mapping screen's "Encoding" choice (webview) and the decoder of what the screen posts.
 * Ids are WHATWG labels, so Node's TextDecoder (full ICU) decodes every one of them;
 * 'utf-8-bom' is UTF-8 that starts with a byte-order mark.
 */
export const CSV_ENCODINGS = [
  'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be',
  'windows-1252', 'iso-8859-15', 'windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r', 'iso-8859-5',
  'windows-1253', 'iso-8859-7', 'windows-1254', 'windows-1257', 'iso-8859-4', 'iso-8859-13',
  'windows-1255', 'windows-1256', 'windows-874', 'ibm866', 'macintosh',
  'shift_jis', 'euc-jp', 'iso-2022-jp', 'gb18030', 'big5', 'euc-kr',
] as const;

export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Name, and the languages it is for (shown in the choice). */
const LABELS: Readonly<Record<CsvEncoding, readonly [string, string]>> = {
  'utf-8': ['UTF-8', ''],
  'utf-8-bom': ['UTF-8 with BOM', ''],
  'utf-16le': ['UTF-16 LE', ''],
  'utf-16be': ['UTF-16 BE', ''],
  'windows-1252': ['Windows-1252', 'Western European'],
  'iso-8859-15': ['ISO-8859-15', 'Western European'],
  'windows-1250': ['Windows-1250', 'Central European'],
  'iso-8859-2': ['ISO-8859-2', 'Central European'],
  'windows-1251': ['Windows-1251', 'Cyrillic'],
  'koi8-r': ['KOI8-R', 'Cyrillic'],
  'iso-8859-5': ['ISO-8859-5', 'Cyrillic'],
  'windows-1253': ['Windows-1253', 'Greek'],
  'iso-8859-7': ['ISO-8859-7', 'Greek'],
  'windows-1254': ['Windows-1254', 'Turkish'],
  'windows-1257': ['Windows-1257', 'Baltic'],
  'iso-8859-4': ['ISO-8859-4', 'Baltic'],
  'iso-8859-13': ['ISO-8859-13', 'Baltic'],
  'windows-1255': ['Windows-1255', 'Hebrew'],
  'windows-1256': ['Windows-1256', 'Arabic'],
  'windows-874': ['Windows-874', 'Thai'],
  'ibm866': ['IBM866', 'DOS Cyrillic'],
  'macintosh': ['Mac Roman', ''],
  'shift_jis': ['Shift-JIS', 'Japanese'],
  'euc-jp': ['EUC-JP', 'Japanese'],
  'iso-2022-jp': ['ISO-2022-JP', 'Japanese'],
  'gb18030': ['GB18030', 'Chinese, simplified'],
  'big5': ['Big5', 'Chinese, traditional'],
  'euc-kr': ['EUC-KR', 'Korean'],
};

/** "Windows-1252": for sentences. */
export function encodingLabel(encoding: CsvEncoding): string {
  return LABELS[encoding][0];
}

/** "Windows-1252 (Western European)": for the choice on the mapping screen. */
export function encodingChoiceLabel(encoding: CsvEncoding): string {
  const [name, languages] = LABELS[encoding];
  return languages === '' ? name : `${name} (${languages})`;
}

export function isCsvEncoding(value: string): value is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(value);
}
