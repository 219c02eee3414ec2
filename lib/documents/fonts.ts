// The fonts every PDF is drawn in (decision 841): DejaVu Sans Condensed (regular, bold, oblique)
// from the dejavu-fonts-ttf package (Bitstream Vera licence, DejaVu changes public domain),
// embedded through @pdf-lib/fontkit and subset to the glyphs a document uses. The 14 standard
// PDF fonts encode WinAnsi only, so "Łukasz", Greek or Cyrillic names came out as "?": in
// evidence for a tribunal a misspelt name is a defect. The condensed cut is close to
// Helvetica's width, so the layout of the reports and the statutory forms barely moves.
// The font files are read once per process, from node_modules at run time (not bundled: see
// the file's resolution below), and each parsed once: pdf-lib parses the bytes it is given on
// every embed, so the fontkit passed to it hands back the font already parsed for the same bytes.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

type Style = keyof PdfFonts;
const FILES: Record<Style, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
};

/**
 * The package's ttf folder. Resolved from the working directory (the project root, where
 * `next start`, the tests and the scripts run) rather than from this module, whose own location
 * is inside .next once built.
 */
function fontDirectory(): string {
  const fromRoot = createRequire(join(process.cwd(), 'package.json'));
  return join(dirname(fromRoot.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

let bytes: Record<Style, Uint8Array> | null = null;

/** The three font files' bytes, read on first use and kept for the life of the process. */
export function fontBytes(): Record<Style, Uint8Array> {
  if (!bytes) {
    const dir = fontDirectory();
    bytes = {
      regular: new Uint8Array(readFileSync(join(dir, FILES.regular))),
      bold: new Uint8Array(readFileSync(join(dir, FILES.bold))),
      italic: new Uint8Array(readFileSync(join(dir, FILES.italic))),
    };
  }
  return bytes;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const parsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>();
/** fontkit, except that the same bytes give the same parsed font. */
const cachingFontkit: Fontkit = {
  create(data, postscriptName) {
    if (!(data instanceof Uint8Array) || postscriptName)
      return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};

/** Embeds one style in `doc`, subset to the glyphs drawn. */
export async function embedFont(doc: PDFDocument, style: Style): Promise<PDFFont> {
  doc.registerFontkit(cachingFontkit);
  return doc.embedFont(fontBytes()[style], { subset: true });
}

/** Embeds the regular, bold and oblique styles in `doc`. */
export async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  return {
    regular: await embedFont(doc, 'regular'),
    bold: await embedFont(doc, 'bold'),
    italic: await embedFont(doc, 'italic'),
  };
}
