/**
 * A reading of text remembered for one pass over many rows: a Status or Quarter column holds a
 * handful of values repeated on thousands of rows, and a risk ID names its risk on a dozen
 * assessments, so normalising each (lower case, punctuation stripped, a regex or two) once per
 * distinct text saves most of the work. Make one per pass: it keeps every text it is given.
 */
export function perText<T>(read: (text: string) => T): (text: string) => T {
  const readings = new Map<string, T>();
  return (text) => {
    let reading = readings.get(text);
    if (reading === undefined && !readings.has(text)) readings.set(text, (reading = read(text)));
    return reading as T;
  };
}
