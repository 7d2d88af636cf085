/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endField = () => {
    record.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
  }
  for (; index < text.length; index += 1) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') endField()
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1
      endRecord()
    } else field += char
  }
  if (field !== '' || record.length > 0) endRecord()
  return records
}

const needsQuotes = /[",\r\n]|^\s|\s$/

/** One CSV line (CRLF-terminated, as spreadsheets expect). Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas. */
export function csvLine(cells: Array<string | number | null | undefined>) {
  return `${cells
    .map((cell) => {
      let value = cell === null || cell === undefined ? '' : String(cell)
      if (/^[=+\-@\t\r]/.test(value) && typeof cell === 'string') value = `'${value}`
      return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value
    })
    .join(',')}\r\n`
}
