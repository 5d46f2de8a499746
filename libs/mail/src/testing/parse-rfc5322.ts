/**
 * Just enough RFC 5322 / MIME parsing for our tests (no mailparser dependency): headers with unfolding, and one
 * level of multipart with 7bit, quoted-printable or base64 parts.
 */
export interface ParsedPart {
  headers: Map<string, string>;
  body: string;
}

export interface ParsedMessage extends ParsedPart {
  parts: ParsedPart[];
}

function splitHeaders(raw: string): ParsedPart {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  if (end < 0) throw new Error('no blank line between headers and body');
  const headers = new Map<string, string>();
  const unfolded = normalised.slice(0, end).replace(/\n(?=[ \t])/g, '');
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed header line ${JSON.stringify(line)}`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: normalised.slice(end + 2) };
}

function decode(part: ParsedPart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const soft = part.body.replace(/=\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(soft[i], 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return part.body;
}

export function parseRfc5322(raw: string): ParsedMessage {
  const message = splitHeaders(raw);
  const contentType = message.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const parts: ParsedPart[] = [];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = message.body.split(`--${boundary}`);
    if (!sections[sections.length - 1].startsWith('--')) throw new Error('multipart without a closing boundary');
    for (const section of sections.slice(1, -1)) {
      // The newline before each delimiter belongs to the delimiter (RFC 2046 5.1.1), not to the part.
      const part = splitHeaders(section.replace(/^\n/, '').replace(/\n$/, ''));
      parts.push({ headers: part.headers, body: decode(part) });
    }
  }
  return { ...message, parts };
}
