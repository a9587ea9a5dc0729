import { type Token, Tokenizer } from "parse5";

/**
 * What of parse5's tokenizer from-html changes: its dispatch on states (`_callState`, declared
 * `protected`), the state it reads, and how it starts an attribute with its location (declared
 * private).
 */
interface TokenizerInternals {
  state: number;
  _callState(cp: number): void;
  _createAttr(attrNameFirstCh: string): void;
  currentAttrLocation: Token.Location | null;
}

/** One of parse5's tokenizer methods, the one that reads a character in a given state. */
type StateHandler = (this: TokenizerInternals, cp: number) => void;

/** parse5's tokenizer methods, as its prototype has them. */
const parse5Tokenizer = Tokenizer.prototype as unknown as TokenizerInternals;

/** The most states read off parse5's switch (it has 73), so that the reading ends even if no state throws. */
const maxStates = 256;

/**
 * Reads off parse5's `_callState` which method handles each state, by calling it on a stand-in
 * tokenizer that says what state it is in and records what is called on it. A state whose case
 * does anything but call one method of the tokenizer (reads another property, writes one, calls
 * two) gets no handler; the first state the switch does not know (parse5 throws "Unknown state"
 * there) ends the table, and so does {@link maxStates}.
 */
function readStateHandlers(): readonly (StateHandler | undefined)[] {
  const handlers: (StateHandler | undefined)[] = [];
  const methods = parse5Tokenizer as unknown as Record<PropertyKey, unknown>;
  for (let state = 0; state < maxStates; state++) {
    const read: PropertyKey[] = [];
    let calls = 0;
    const standIn = new Proxy(Object.create(null) as TokenizerInternals, {
      get(_target, key) {
        if (key === "state") return state;
        read.push(key);
        return () => {
          calls += 1;
        };
      },
    });
    try {
      parse5Tokenizer._callState.call(standIn, 0);
    } catch {
      return handlers;
    }
    const method = read.length === 1 && calls === 1 ? methods[read[0] as PropertyKey] : undefined;
    handlers.push(typeof method === "function" ? (method as StateHandler) : undefined);
  }
  return handlers;
}

/** Each state's handler, indexed by the state's number; read once, when the module loads. */
const stateHandlers = readStateHandlers();

/**
 * The dispatch {@link tuneTokenizer} gives a tokenizer: the state's handler from the table, or
 * parse5's own `_callState` for a state the table has none for.
 */
function dispatchState(this: TokenizerInternals, cp: number): void {
  const handler = stateHandlers[this.state];
  if (handler === undefined) parse5Tokenizer._callState.call(this, cp);
  else handler.call(this, cp);
}

/** parse5's `_createAttr`, with the attribute's location dropped: parse5 then records none for it. */
function createAttrWithoutLocation(this: TokenizerInternals, attrNameFirstCh: string): void {
  parse5Tokenizer._createAttr.call(this, attrNameFirstCh);
  this.currentAttrLocation = null;
}

/**
 * Gives `tokenizer` two methods of its own in place of parse5's; the tokens, and every location
 * from-html reads, stay parse5's.
 *
 * - Each character's state handler comes from a table instead of parse5's `switch`. parse5's cases
 *   are members of a TypeScript enum (`case State.DATA:`), which its build leaves as property
 *   loads, and V8 does not fold them: a character is compared with every case before its state's
 *   own, 35 of them for each character of a double-quoted attribute value. The table holds
 *   parse5's own methods, read off its own switch; a state it has no handler for goes through
 *   parse5's switch. `htmlToBlocks` took 14-16 % less CPU time on the audit bench's generated
 *   portal pages, 12-20 % on the real Shanghai page (three alternating runs each).
 * - Attributes get no location (`sourceCodeLocation.attrs`), which nothing in from-html reads:
 *   parse5 keeps them in an object per tag, keyed by name, and dropping them took 7-9 % off
 *   `htmlToBlocks`' CPU time on the generated pages, whose cells carry six attributes each.
 */
export function tuneTokenizer(tokenizer: Tokenizer): void {
  const internals = tokenizer as unknown as TokenizerInternals;
  internals._callState = dispatchState;
  internals._createAttr = createAttrWithoutLocation;
}

/** How many of parse5's states the table has a handler for, and how many states it read: for tests. */
export function stateTableCoverage(): { readonly handled: number; readonly states: number } {
  return {
    handled: stateHandlers.filter((handler) => handler !== undefined).length,
    states: stateHandlers.length,
  };
}
