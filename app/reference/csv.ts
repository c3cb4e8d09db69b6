/**
 * An RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF, a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). No package in node_modules reads
 * CSV (the classroom's csv.server.ts only writes it), and the reference data needs quoted
 * multi-line notes read correctly, so this is the whole grammar, not a split on commas.
 */
export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === "") {
      const opened = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(`A quoted field opened on line ${opened} is never closed.`);
        const inner = text[i]!;
        if (inner === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (inner === "\n") line++;
        field += inner;
        i++;
      }
      const after = text[i];
      if (after !== undefined && after !== "," && after !== "\n" && after !== "\r")
        throw new CsvError(
          `Line ${line}: a closing quote must end its field (found ${JSON.stringify(after)}).`,
        );
      continue;
    }
    if (char === ",") {
      endField();
      i++;
    } else if (char === "\n" || char === "\r") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += char;
      i++;
    }
  }
  // A final line break ends the last record rather than starting an empty one.
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/** Rows as objects keyed by the header record's names. Short rows read the missing fields as "". */
export function parseCsvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ""])));
}
