/**
 * Reads the JSON documents Terraform JSON carries as strings (IAM policies, bucket policies, ECS
 * container definitions): either a literal JSON string, or the `${jsonencode({...})}` expression
 * CDKTF's `Fn.jsonencode` writes, whose body is an HCL object. References inside it (e.g.
 * `aws_s3_bucket.state.arn`) come back as the string `${aws_s3_bucket.state.arn}`.
 * Anything else (a heredoc, a data source, a function the reader does not know) is `undefined`:
 * the caller decides what an unknown document means.
 */

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

export function decodeDocument(value: unknown): unknown {
  if (typeof value !== 'string') return value !== null && typeof value === 'object' ? value : undefined;
  const trimmed = value.trim();
  const encoded = JSONENCODE.exec(trimmed);
  if (encoded) return parseHclValue(encoded[1]);
  if (/^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Parses an HCL value made of objects, tuples, strings, numbers, booleans, null and references. */
export function parseHclValue(text: string): unknown {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.skipSpace();
    return reader.done() ? value : undefined;
  } catch {
    return undefined;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    return this.bare();
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === '}') return this.at++, result;
      const key = this.text[this.at] === '"' ? this.string() : String(this.bare());
      this.skipSpace();
      const separator = this.text[this.at++];
      if (separator !== '=' && separator !== ':') throw new Error(`expected = at ${this.at}`);
      result[key.replace(/^\$\{(.*)\}$/, '$1')] = this.value();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
  }

  private tuple(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']') return this.at++, result;
      result.push(this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
  }

  /** A quoted string; `${...}` templates inside stay as they are. */
  private string(): string {
    const start = this.at++;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '\\') this.at += 2;
      else if (c === '$' && this.text[this.at + 1] === '{') (depth++, (this.at += 2));
      else if (c === '}' && depth > 0) (depth--, this.at++);
      else if (c === '"' && depth === 0) break;
      else this.at++;
    }
    if (this.text[this.at] !== '"') throw new Error('unterminated string');
    const raw = this.text.slice(start, ++this.at);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }

  /** A number, boolean, null, or an expression kept as `${expression}`. */
  private bare(): unknown {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if ((c === ',' || c === '=' || c === ':') && depth === 0) break;
      else if (c === '"') {
        this.string();
        continue;
      }
      this.at++;
    }
    const token = this.text.slice(start, this.at).trim();
    if (token === '') throw new Error(`unexpected ${this.text[this.at]} at ${this.at}`);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    return `\${${token}}`;
  }
}
