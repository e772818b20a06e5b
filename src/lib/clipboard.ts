// Copy to the clipboard: the async Clipboard API, with the selection fallback for plain-http hosts.

/**
 * Writes `text` to the clipboard. Resolves true when it was copied. Does not throw: a refused
 * permission or an insecure context resolves false, so the caller can say so.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection fallback.
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.style.position = 'fixed';
  scratch.style.opacity = '0';
  document.body.append(scratch);
  scratch.select();
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to copy on a page served over plain http
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    scratch.remove();
  }
}
