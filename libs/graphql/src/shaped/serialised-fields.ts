import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { FieldNode, FormattedExecutionResult, GraphQLResolveInfo, Kind, print, SelectionSetNode } from 'graphql';
import { randomBytes } from 'node:crypto';
import { encodeResponseWith } from '@baton/observability';

/**
 * A JSON text served again and again (a kept coverage board): the response's bytes are made the
 * first time it is sent and reused after that. Encoding a 1.4 MB text was most of a replay's CPU,
 * and so was copying it into a fresh buffer between the response's first and last bytes (each
 * new megabyte-size buffer is a new mapping, page-faulted in and unmapped again).
 */
export class SharedText {
  private response: { before: string; after: string; bytes: Buffer } | undefined;
  constructor(readonly text: string) {}

  /** The UTF-8 of `before + text + after`, kept for the last framing asked (one per selection and root key in practice). */
  framed(before: string, after: string): Buffer {
    const kept = this.response;
    if (kept && kept.before === before && kept.after === after) return kept.bytes;
    const bytes = Buffer.from(before + this.text + after, 'utf8');
    this.response = { before, after, bytes };
    return bytes;
  }
}

/**
 * A field's JSON text standing in the response data until the response is written. JSON.rawJSON
 * takes primitives only, so it stringifies as a marker string that `stringifyResult` replaces
 * with the text; the marker holds a per-process random part no data can hold by chance.
 */
class SerialisedText {
  static readonly marker = `\u0000serialised-${randomBytes(12).toString('hex')}`;
  static readonly markerJson = JSON.stringify(SerialisedText.marker);
  /** Left as a marker by stringifyResult: the response's encoder puts the bytes in (encodeAsBytes). */
  sentAsBytes = false;
  constructor(
    readonly text: string,
    readonly shared: SharedText | null = null,
  ) {}

  toJSON(): string {
    return SerialisedText.marker;
  }
}

const SLOTS = Symbol('serialisedFields');

interface Slot {
  key: string;
  text?: string | SharedText;
  store?: (text: string | null) => void;
}

type WithSlots = { [SLOTS]?: Slot[] };

/**
 * A root field whose whole answer may be replayed as JSON text serialised earlier, or captured
 * as text to be replayed later. For big read screens that are the same answer for many viewers
 * (coverage boards): graphql-js completes a 20,000-cell answer field by field, which costs the
 * API far more than the statement that computed it; a replay skips that and the text is copied
 * into the response as it is (`stringifyResult`).
 *
 * `signature` is what decides the text besides the data: the selection under the field (with
 * its fragments, and the variables when a directive could read them). The data's own key (the
 * question and the viewer's scope) is the caller's business.
 */
export interface SerialisedField {
  readonly signature: string;
  /** The answer is this text: the resolver returns a stand-in graphql-js completes cheaply. A SharedText is sent as the bytes it keeps. */
  replay(text: string | SharedText): void;
  /** Hands the text graphql-js produced for this field to `store`; null when the field had errors or no answer. */
  capture(store: (text: string | null) => void): void;
}

/**
 * The field being resolved as a SerialisedField, or null where it cannot be one: not a root
 * field, or a request outside the plugin (graphql-ws), where a stand-in would reach the client.
 */
export function serialisedField(context: object, info: GraphQLResolveInfo): SerialisedField | null {
  const slots = (context as WithSlots)[SLOTS];
  if (!slots || info.path.prev) return null;
  const slot: Slot = { key: String(info.path.key) };
  return {
    // Lazy: callers that write their own text (the shaped rosters) never read it.
    get signature() {
      return signatureOf(info);
    },
    replay(text) {
      slot.text = text;
      slots.push(slot);
    },
    capture(store) {
      slot.store = store;
      slots.push(slot);
    },
  };
}

const staticSignatures = new WeakMap<FieldNode, { text: string; readsVariables: boolean }>();

function signatureOf(info: GraphQLResolveInfo): string {
  const node = info.fieldNodes[0];
  let known = info.fieldNodes.length === 1 ? staticSignatures.get(node) : undefined;
  if (!known) {
    const fragments = new Set<string>();
    let readsVariables = false;
    const visit = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.directives?.length) readsVariables = true;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (fragments.has(selection.name.value)) continue;
          fragments.add(selection.name.value);
          visit(info.fragments[selection.name.value]?.selectionSet);
        } else {
          visit(selection.selectionSet);
        }
      }
    };
    info.fieldNodes.forEach((n) => visit(n.selectionSet));
    const parts = info.fieldNodes.map((n) => (n.selectionSet ? print(n.selectionSet) : ''));
    for (const name of [...fragments].sort()) if (info.fragments[name]) parts.push(print(info.fragments[name]));
    known = { text: parts.join('\n'), readsVariables };
    if (info.fieldNodes.length === 1) staticSignatures.set(node, known);
  }
  return known.readsVariables ? `${known.text}\n${JSON.stringify(info.variableValues)}` : known.text;
}

/** Installs the slots per request and swaps the replayed or captured fields' text in before the response is written. */
export function serialisedFieldsPlugin(): ApolloServerPlugin {
  const listener: GraphQLRequestListener<Record<string, unknown>> = {
    async willSendResponse({ contextValue, response }) {
      const slots = (contextValue as WithSlots)[SLOTS];
      if (!slots?.length || response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      const data = result.data as Record<string, unknown> | null | undefined;
      let shared = false;
      for (const slot of slots) {
        if (!data || data[slot.key] == null) {
          slot.store?.(null);
          continue;
        }
        if (slot.text instanceof SharedText) {
          data[slot.key] = new SerialisedText(slot.text.text, slot.text);
          shared = true;
        } else if (slot.text !== undefined) {
          data[slot.key] = new SerialisedText(slot.text);
        } else if (slot.store && !result.errors?.some((e) => e.path?.[0] === slot.key)) {
          const text = JSON.stringify(data[slot.key]);
          slot.store(text);
          data[slot.key] = new SerialisedText(text);
        } else {
          slot.store?.(null);
        }
      }
      const request = (contextValue as { req?: object }).req;
      if (shared && data && request && encodeResponseWith(request, (body) => encodeAsBytes(body, data))) {
        for (const text of serialisedTexts(data)) text.sentAsBytes = true;
      }
    },
  };
  return {
    async requestDidStart({ contextValue }) {
      (contextValue as WithSlots)[SLOTS] = [];
      return listener;
    },
  };
}

/**
 * Apollo's `stringifyResult` (its default is JSON.stringify plus a newline): the root fields
 * standing as SerialisedText are written as their text.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const data = result.data as Record<string, unknown> | null | undefined;
  const texts = data ? serialisedTexts(data) : [];
  const json = JSON.stringify(result);
  // Sent as bytes: the markers stay for encodeAsBytes, which the reply calls on this text.
  if (!texts.length || texts[0].sentAsBytes) return json + '\n';
  return spliced(markedParts(json, texts), texts) + '\n';
}

/** The response's bytes: stringifyResult's text with each marker replaced by its field's bytes. */
function encodeAsBytes(body: string, data: Record<string, unknown>): Buffer {
  const texts = serialisedTexts(data);
  const parts = markedParts(body, texts);
  // The usual answer, one board and nothing else: its bytes were kept with its text.
  if (texts.length === 1 && texts[0].shared) return texts[0].shared.framed(parts[0], parts[1]);
  return Buffer.from(spliced(parts, texts), 'utf8');
}

/** The parts around the markers with each field's text in its marker's place. */
function spliced(parts: string[], texts: SerialisedText[]): string {
  let out = parts[0];
  for (let i = 0; i < texts.length; i++) out += texts[i].text + parts[i + 1];
  return out;
}

/** In the order of the keys: JSON.stringify keeps the insertion order. */
function serialisedTexts(data: Record<string, unknown>): SerialisedText[] {
  const texts: SerialisedText[] = [];
  for (const key in data) if (data[key] instanceof SerialisedText) texts.push(data[key]);
  return texts;
}

function markedParts(json: string, texts: SerialisedText[]): string[] {
  const parts = json.split(SerialisedText.markerJson);
  if (parts.length !== texts.length + 1) throw new Error('serialised fields: marker count does not match');
  return parts;
}
