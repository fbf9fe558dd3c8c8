/** Saves text or a blob as a file through a temporary link (no server round trip: the data is already here). */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // revoked later: some browsers start reading the blob only after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
