import { type Token, Tokenizer } from "parse5";

/**
 * What of parse5's tokenizer from-html reads and changes: its dispatch on states (`_callState`,
 * declared `protected`), the state it reads, how it starts an attribute (declared private: the
 * pending run flushed, the attribute and its location), the attribute's name, and the position of
 * its preprocessor and of its pending run. Pending runs and `_flushRun` came with parse5 8.1 (8.0
 * has neither, and keeps an attribute's location elsewhere), so package.json asks for 8.1.1 on.
 */
interface TokenizerInternals {
  state: number;
  _callState(cp: number): void;
  _createAttr(attrNameFirstCh: string): void;
  _flushRun(text: string): void;
  currentAttr: { name: string; value: string };
  currentAttrLocation: Token.Location | null;
  consumedAfterSnapshot: number;
  runEnd: number;
  preprocessor: { html: string; pos: number; handler: { onParseError?: unknown } };
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
 * two) gets no handler; a state of {@link runStates} gets its method through {@link withRunAhead},
 * and the states that begin and continue an attribute's name get theirs through
 * {@link withNameRunAhead}. The first state the switch does not know (parse5 throws "Unknown
 * state" there) ends the table, and so does {@link maxStates}.
 */
function readStateHandlers(): { readonly handlers: readonly (StateHandler | undefined)[]; readonly runs: number } {
  const names: (string | undefined)[] = [];
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
      break;
    }
    const name = read.length === 1 && calls === 1 ? read[0] : undefined;
    names.push(typeof name === "string" ? name : undefined);
  }
  const methods = parse5Tokenizer as unknown as Record<string, unknown>;
  const nameState = names.indexOf("_stateAttributeName");
  let runs = 0;
  const handlers = names.map((name, state): StateHandler | undefined => {
    const method = name === undefined ? undefined : methods[name];
    if (name === undefined || typeof method !== "function") return undefined;
    const handler = method as StateHandler;
    if (Object.hasOwn(runStates, name)) {
      runs += 1;
      return withRunAhead(handler, state, runStates[name] as RunState);
    }
    if (nameState >= 0 && nameStarts.includes(name)) {
      runs += 1;
      return withNameRunAhead(handler, nameState);
    }
    return handler;
  });
  return { handlers, runs };
}

/**
 * How {@link withRunAhead} finds a state's runs: two sticky patterns that match a run of characters
 * the state's handler appends alike, one for a parser that reports parse errors (`strict`, which
 * also stops where parse5's preprocessor checks a character for an error), one for a parser that
 * does not (`loose`).
 */
interface RunState {
  readonly loose: RegExp;
  readonly strict: RegExp;
}

/**
 * The {@link RunState} of a state whose handler appends every character but those of `special`, which
 * it handles in a case of its own. Every run also stops at control characters (NUL among them; CR
 * and LF, which the preprocessor counts lines at; tab and form feed) and at surrogates (a pair is one
 * code point); a run of text (`whitespace`) stops at a space too, as parse5 keeps whitespace in
 * tokens of its own.
 */
function runState(special: string, whitespace: boolean): RunState {
  const stops = `\\0-\\x1f\\x7f-\\x9f\\ud800-\\udfff${whitespace ? " " : ""}${special.replace(/[-\\\]^]/g, "\\$&")}`;
  return { loose: new RegExp(`[^${stops}]*`, "y"), strict: new RegExp(`[^${stops}\\ufdd0-\\uffff]*`, "y") };
}

/**
 * The states whose runs {@link withRunAhead} takes at once, by the name of parse5's method for each,
 * with the characters that method handles in a case of its own (beside NUL and the end of input).
 */
const runStates: Readonly<Record<string, RunState>> = {
  _stateData: runState("<&", true),
  _stateRcdata: runState("<&", true),
  _stateRawtext: runState("<", true),
  _stateScriptData: runState("<", true),
  _stateAttributeValueDoubleQuoted: runState('"&', false),
  _stateAttributeValueSingleQuoted: runState("'&", false),
  _stateComment: runState("-<", false),
};

/**
 * The methods of the states after which an attribute's name may go on: before an attribute name
 * (its first character starts one) and the attribute name itself.
 */
const nameStarts: readonly string[] = ["_stateBeforeAttributeName", "_stateAttributeName"];

/**
 * How {@link withNameRunAhead} finds the rest of a name: parse5's `_stateAttributeName` handles
 * whitespace, `/`, `>` and `=` (the name ends), `"`, `'` and `<` (parse errors) and upper-case
 * letters (lowered) in cases of their own, and appends every other character as it is.
 */
const nameRun = runState(`"'<=>/ABCDEFGHIJKLMNOPQRSTUVWXYZ`, true);

/**
 * `handler` (parse5's method for a state in {@link nameStarts}), followed by the rest of the
 * attribute's name when the handler leaves the tokenizer in the attribute-name state (`nameState`)
 * with its character appended to the name. The characters after it that parse5 would append to
 * the name as they are ({@link nameRun}) are appended at once, as one slice of the input, and the
 * preprocessor moves past them ({@link takeRun}, as for {@link withRunAhead}); parse5 appends a
 * name a code point at a time, a string for each. parse5 then goes on with the character that
 * ends the run.
 */
function withNameRunAhead(handler: StateHandler, nameState: number): StateHandler {
  return function nameRunAhead(this: TokenizerInternals, cp: number): void {
    handler.call(this, cp);
    if (this.state !== nameState) return;
    const start = this.preprocessor.pos + 1;
    const end = takeRun(this, nameRun, start);
    if (end !== undefined) this.currentAttr.name += this.preprocessor.html.slice(start, end);
  };
}

/**
 * Moves `tokenizer`'s preprocessor past the characters of `run` from `from` on (its strict pattern
 * when the parser reports errors) that follow the character it is at, as its `advance` would one at
 * a time (none of them is a line break, a surrogate or a character it checks for errors), and
 * returns where they end; or undefined, moving nothing, when there are none.
 */
function takeRun(tokenizer: TokenizerInternals, run: RunState, from: number): number | undefined {
  const { preprocessor } = tokenizer;
  const pattern = preprocessor.handler.onParseError == null ? run.loose : run.strict;
  pattern.lastIndex = from;
  pattern.test(preprocessor.html);
  const end = pattern.lastIndex;
  const count = end - preprocessor.pos - 1;
  if (count <= 0) return undefined;
  preprocessor.pos = end - 1;
  tokenizer.consumedAfterSnapshot += count;
  return end;
}

/**
 * `handler` (parse5's method for `state`), followed by the rest of the run its character starts.
 * When the handler has appended its character to parse5's pending run (the pattern matches the
 * character, the state is the same, and the run, `runEnd`, ends just past it), the characters after
 * it that the handler would append the same way are appended at once: the preprocessor moves past
 * them ({@link takeRun}), and the run ends after them. parse5 then goes on with the character that
 * ends the run.
 */
function withRunAhead(handler: StateHandler, state: number, run: RunState): StateHandler {
  return function runAhead(this: TokenizerInternals, cp: number): void {
    handler.call(this, cp);
    const { pos } = this.preprocessor;
    // A parse5 without pending runs (no `runEnd`) gets no run-ahead, rather than characters lost.
    if (this.state !== state || this.runEnd !== pos + 1) return;
    // From the handler's own character: if the pattern does not take it, the handler did not append it
    // as it appends a run's characters (a space begins a whitespace token, NUL is replaced).
    const end = takeRun(this, run, pos);
    if (end !== undefined) this.runEnd = end;
  };
}

/**
 * Each state's handler, indexed by the state's number, and how many of them take runs at once;
 * read once, when the module loads.
 */
const { handlers: stateHandlers, runs: runHandlerCount } = readStateHandlers();

/**
 * The dispatch {@link tuneTokenizer} gives a tokenizer: the state's handler from the table, or
 * parse5's own `_callState` for a state the table has none for.
 */
function dispatchState(this: TokenizerInternals, cp: number): void {
  const handler = stateHandlers[this.state];
  if (handler === undefined) parse5Tokenizer._callState.call(this, cp);
  else handler.call(this, cp);
}

/**
 * parse5's `_createAttr` without the attribute's location: the pending run flushed, a new attribute
 * begun with `attrNameFirstCh`, and no location (parse5 then records none for it). parse5's own
 * makes a location object for every attribute first, which from-html would only drop.
 */
function createAttrWithoutLocation(this: TokenizerInternals, attrNameFirstCh: string): void {
  this._flushRun("");
  this.currentAttr = { name: attrNameFirstCh, value: "" };
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
 *   `htmlToBlocks`' CPU time on the generated pages, whose cells carry six attributes each; not
 *   making the location at all ({@link createAttrWithoutLocation}) took a further 4 % off (the median
 *   of 12 alternating rounds in one process).
 * - A run of characters that a state appends alike (text, an attribute value, a comment, a style
 *   or script) is taken at once, by a sticky regular expression, after its first character has
 *   gone through parse5's handler ({@link withRunAhead}); parse5 reads one character a call, and
 *   each goes through its preprocessor, the hibernation check and the dispatch. `htmlToBlocks`
 *   took 26 % less CPU time on the generated pages (median of 15 alternating rounds); on the
 *   Shanghai page, mostly short tags, no change could be measured. An attribute's name is taken
 *   the same way ({@link withNameRunAhead}): 7-8 % less time on the generated pages (medians of
 *   12 alternating rounds in one process), none measurable on the Shanghai page.
 */
export function tuneTokenizer(tokenizer: Tokenizer): void {
  const internals = tokenizer as unknown as TokenizerInternals;
  internals._callState = dispatchState;
  internals._createAttr = createAttrWithoutLocation;
}

/**
 * How many of parse5's states the table has a handler for, how many of those take runs at once
 * ({@link withRunAhead}), and how many states it read: for tests.
 */
export function stateTableCoverage(): { readonly handled: number; readonly runs: number; readonly states: number } {
  return {
    handled: stateHandlers.filter((handler) => handler !== undefined).length,
    runs: runHandlerCount,
    states: stateHandlers.length,
  };
}
