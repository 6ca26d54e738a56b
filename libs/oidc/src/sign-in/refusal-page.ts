const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What a browser shows when a partner sign-in is refused and no front end is configured. */
export function renderRefusalPage(code: string, message: string): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused · Baton</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    `<body><h1>Sign-in refused</h1><p>${escape(message)}</p><p><small>Code: <code>${escape(code)}</code></small></p></body></html>`,
  ].join('');
}
