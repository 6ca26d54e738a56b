/**
 * Just enough of a browser to walk an authorisation code flow over HTTP: follows redirects by hand,
 * keeps cookies (by name; paths ignored, which the provider tolerates), and answers the provider's
 * development login and consent forms.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  }

  /**
   * From the provider's authorisation URL to the redirect back to `callbackPrefix`: logs in as
   * `login` (any password), consents, and returns the callback URL the provider sent the browser to.
   */
  async authorize(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
    let url = authorizationUrl;
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(callbackPrefix)) return new URL(url);
      const response = await this.get(url);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href;
        continue;
      }
      const html = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (response.status !== 200 || !prompt) throw new Error(`unexpected provider page ${response.status} at ${url}: ${html.slice(0, 500)}`);
      const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&'), url).href;
      const submitted = await this.post(action, prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
      if (submitted.status < 300 || submitted.status >= 400)
        throw new Error(`the provider refused the ${prompt} form: ${submitted.status} ${await submitted.text()}`);
      url = new URL(submitted.headers.get('location')!, action).href;
    }
    throw new Error('too many redirects at the provider');
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
