import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. The tests never download a browser: CI installs this one with
 * apt-get. No sandbox, as CI runs as root, where Chromium's sandbox refuses to start; nothing it
 * opens comes from elsewhere than the tests. The rest keeps it off the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** The size of each page of a PDF as Chromium writes it (each page an uncompressed `/Type /Page` object), in points. */
export function pdfPageSizes(pdf: Buffer): Array<{ width: number; height: number }> {
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b[^]*?endobj/g) ?? [];
  return pages.map((page) => {
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(page);
    if (box === null) throw new Error('a page of the PDF has no /MediaBox of its own');
    const [left, bottom, right, top] = box[1]!.trim().split(/\s+/).map(Number);
    return { width: right! - left!, height: top! - bottom! };
  });
}
