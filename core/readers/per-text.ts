/**
 * A reading of cell text remembered for one sheet: a Status or Quarter column holds a handful of
 * values repeated on thousands of rows, and normalising each (lower case, punctuation stripped,
 * a regex or two) cost more than every other check of its row.
 */
export function perText<T>(read: (text: string) => T): (text: string) => T {
  const readings = new Map<string, T>();
  return (text) => {
    let reading = readings.get(text);
    if (reading === undefined && !readings.has(text)) readings.set(text, (reading = read(text)));
    return reading as T;
  };
}
