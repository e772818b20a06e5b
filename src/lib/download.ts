// Saves bytes or text as a file, locally: a blob: URL and a download link, never a network request.

/**
 * Offers `parts`, concatenated, to the user as a file called `fileName`. Taking parts lets a
 * large output go to disk without first being joined into one string. Does not ask where to save.
 */
export function downloadFile(
  parts: readonly BlobPart[],
  fileName: string,
  type = 'application/octet-stream',
): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously after the click.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
