import { RecordVerificationObject, VerificationStatus } from './verification.types';

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VERDICT: Record<VerificationStatus, { label: string; colour: string }> = {
  VALID: { label: 'Valid: certified and unchanged', colour: '#1b7f3b' },
  REVOKED: { label: 'Revoked by the issuer', colour: '#a33' },
  SUPERSEDED: { label: 'Replaced by a newer record', colour: '#a60' },
  INVALID: { label: 'Invalid: do not trust this record', colour: '#a33' },
};

/** The human page of GET /verify/<code> (browsers): the same answer as the JSON, every value escaped. */
export function renderVerificationPage(v: RecordVerificationObject): string {
  const verdict = VERDICT[v.status];
  const row = (label: string, value: unknown) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`;
  const f = v.facts;
  const facts = f
    ? `<table>${[
        row('Name', f.subjectName),
        row('Event', `${f.eventName} (${f.eventCode})`),
        row('Organisation', f.organisationName),
        row('Roles', f.roles.join(', ')),
        row('Teams', f.teams.join(', ')),
        row('Venues', f.venues.join(', ')),
        row('Days', `${f.firstDay} to ${f.lastDay}`),
        row('Shifts worked', f.shiftsWorked),
        row('Hours worked', f.hoursWorked.toFixed(2)),
      ].join('')}</table><p class="small">${escape(f.hoursRule)}</p>`
    : '<p>This record certifies nothing that can be shown.</p>';
  const status = [
    v.revokedAt ? row('Revoked', `${v.revokedAt.toISOString()}: ${v.revocationReason ?? ''}`) : '',
    v.supersededByUrl ? `<tr><th>Replaced by</th><td><a href="${escape(v.supersededByUrl)}">${escape(v.supersededByCode)}</a></td></tr>` : '',
    ...v.problems.map((p) => row('Problem', p)),
  ].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verified Games record ${escape(v.code)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222}
.verdict{color:#fff;background:${verdict.colour};padding:.6rem 1rem;border-radius:.4rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
th{width:11rem;font-weight:600}.small{font-size:.85rem;color:#555}</style></head>
<body><h1>Verified Games record</h1>
<p class="verdict">${escape(verdict.label)}</p>
${facts}
<table>${row('Issued by', v.issuer.name)}${row('Issued at', v.issuedAt.toISOString())}${row('Code', v.code)}${status}</table>
<p class="small">Checked ${escape(v.checkedAt.toISOString())}. The signed credential (Open Badges 3.0, VC-JWT, EdDSA) can be checked independently against
<a href="${escape(v.jwksUrl)}">the issuer's public keys</a>; this page also answers as JSON (Accept: application/json).</p>
</body></html>`;
}
