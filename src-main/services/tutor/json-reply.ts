/**
 * The JSON object in a model's reply, for servers without structured output: code fences stripped, the first
 * balanced `{…}` (or `[…]`) found even with prose around it. Null when there is none that parses.
 */
export function extractJson(reply: string): unknown {
  const text = reply.replace(/```(?:json|JSON)?/g, '').trim();
  try {
    return JSON.parse(text);
  } catch {
    /* fall through: look for an embedded value */
  }
  for (let start = 0; start < text.length; start += 1) {
    const open = text[start];
    if (open !== '{' && open !== '[') continue;
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/** Index of the bracket closing the one at `start`, skipping strings; -1 when it never closes. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
