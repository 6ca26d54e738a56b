import { parseAdminArgs } from './admin.command';

describe('admin create arguments', () => {
  it('reads the email, the name and --grant-existing, with or without npm’s --', () => {
    expect(parseAdminArgs(['--', 'create', '--email', 'a@example.org', '--name', 'A'])).toEqual({ email: 'a@example.org', name: 'A', grantExisting: false });
    expect(parseAdminArgs(['create', '--email=a@example.org', '--grant-existing'])).toEqual({ email: 'a@example.org', name: undefined, grantExisting: true });
  });

  it.each([['--password', 'x'], ['--password=x'], ['-p', 'x'], ['--pwd=x'], ['--PASS', 'x']])('refuses a password in the arguments (%s)', (...flag) => {
    expect(() => parseAdminArgs(['create', '--email', 'a@example.org', '--name', 'A', ...flag])).toThrow(/never taken from the command line/);
  });

  it.each([
    [['delete', '--email', 'a@example.org'], /usage: npm run cli -- admin create/],
    [['create', '--name', 'A'], /--email is required/],
    [['create', '--email', 'a@example.org', '--nmae', 'A'], /Unknown option '--nmae'/],
    [['create', '--email', 'not an email', '--name', 'A'], /is not an email address/],
    [['create', '--email', 'a@example.org', '--name', 'A\u0007'], /without control characters/],
    [['create', '--email', 'a@example.org', '--name', '   '], /1 to 200 characters/],
  ])('refuses %j before connecting', (argv, message) => {
    expect(() => parseAdminArgs(argv)).toThrow(message);
  });
});
