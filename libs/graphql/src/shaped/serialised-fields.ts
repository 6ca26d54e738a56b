import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { FieldNode, FormattedExecutionResult, GraphQLResolveInfo, Kind, print, SelectionSetNode } from 'graphql';
import { randomBytes } from 'node:crypto';

/**
 * A field's JSON text standing in the response data until the response is written. JSON.rawJSON
 * takes primitives only, so it stringifies as a marker string that `stringifyResult` replaces
 * with the text; the marker holds a per-process random part no data can hold by chance.
 */
class SerialisedText {
  static readonly marker = `\u0000serialised-${randomBytes(12).toString('hex')}`;
  constructor(readonly text: string) {}
  toJSON(): string {
    return SerialisedText.marker;
  }
}

const SLOTS = Symbol('serialisedFields');

interface Slot {
  key: string;
  text?: string;
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
  /** The answer is this text: the resolver returns a stand-in graphql-js completes cheaply. */
  replay(text: string): void;
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
      for (const slot of slots) {
        if (!data || data[slot.key] == null) {
          slot.store?.(null);
          continue;
        }
        if (slot.text !== undefined) {
          data[slot.key] = new SerialisedText(slot.text);
        } else if (slot.store && !result.errors?.some((e) => e.path?.[0] === slot.key)) {
          const text = JSON.stringify(data[slot.key]);
          slot.store(text);
          data[slot.key] = new SerialisedText(text);
        } else {
          slot.store?.(null);
        }
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
  const texts: string[] = [];
  if (data) for (const key in data) if (data[key] instanceof SerialisedText) texts.push(data[key].text);
  const json = JSON.stringify(result);
  if (!texts.length) return json + '\n';
  const marker = JSON.stringify(SerialisedText.marker);
  const parts = json.split(marker);
  // As many markers as texts, in the order of the keys: JSON.stringify keeps the insertion order.
  if (parts.length !== texts.length + 1) throw new Error('serialised fields: marker count does not match');
  let out = parts[0];
  for (let i = 0; i < texts.length; i++) out += texts[i] + parts[i + 1];
  return out + '\n';
}
