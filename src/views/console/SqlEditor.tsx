import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

/** The SQL to run: the selection when there is one, else the whole text; `offset` is where it starts. */
export interface RunRequest {
  sql: string;
  offset: number;
}

export interface SqlEditorHandle {
  setText(text: string): void;
  focus(): void;
  /** What Run would run now: the selection, or everything. */
  request(): RunRequest;
}

interface Props {
  initialText: string;
  /** Tables and their columns, for completion. */
  schema: Record<string, string[]>;
  /** Character offset DuckDB's error points at, or null. */
  errorAt: number | null;
  onChange(text: string): void;
  onSelectionChange(hasSelection: boolean): void;
  onRun(request: RunRequest): void;
  /** Alt+Up / Alt+Down: older and newer queries of the history. */
  onHistory(direction: 'older' | 'newer'): void;
}

const setError = StateEffect.define<{ from: number; to: number } | null>();

/** The error's token (or its one character) underlined, cleared by any edit. */
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = tr.docChanged ? Decoration.none : marks;
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      next = effect.value ? Decoration.set([Decoration.mark({ class: 'cm-sql-error', attributes: { 'data-testid': 'sql-error-mark' } }).range(effect.value.from, effect.value.to)]) : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** From `at`, the word (identifier, number) it starts, at least one character, within the text. */
export function errorRange(text: string, at: number): { from: number; to: number } | null {
  if (text.length === 0) return null;
  const from = Math.max(0, Math.min(at, text.length - 1));
  const word = /^[\p{L}\p{N}_]+/u.exec(text.slice(from));
  return { from, to: from + (word ? word[0].length : 1) };
}

export function requestOf(state: EditorState): RunRequest {
  const { from, to } = state.selection.main;
  if (from !== to) return { sql: state.sliceDoc(from, to), offset: from };
  return { sql: state.doc.toString(), offset: 0 };
}

/** A CodeMirror 6 SQL editor: highlighting, table and column completion, Ctrl/Cmd+Enter to run. */
export const SqlEditor = forwardRef<SqlEditorHandle, Props>(function SqlEditor({ initialText, schema, errorAt, onChange, onSelectionChange, onRun, onHistory }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The latest callbacks, read by the keymap the editor was created with.
  const handlers = useRef({ onChange, onSelectionChange, onRun, onHistory });
  useEffect(() => {
    handlers.current = { onChange, onSelectionChange, onRun, onHistory };
  }, [onChange, onSelectionChange, onRun, onHistory]);
  const firstText = useRef(initialText);
  const firstSchema = useRef(schema);

  useEffect(() => {
    if (!host.current) return;
    const runKeys = Prec.highest(
      keymap.of([
        { key: 'Mod-Enter', run: (v) => (handlers.current.onRun(requestOf(v.state)), true) },
        { key: 'Alt-ArrowUp', run: () => (handlers.current.onHistory('older'), true) },
        { key: 'Alt-ArrowDown', run: () => (handlers.current.onHistory('newer'), true) },
      ]),
    );
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: firstText.current,
        extensions: [
          runKeys,
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          // DuckDB's SQL is closest to PostgreSQL's among the dialects lang-sql knows.
          language.current.of(sql({ dialect: PostgreSQL, schema: firstSchema.current, upperCaseKeywords: true })),
          errorField,
          placeholder('SELECT … (Ctrl+Enter runs the selection, or everything)'),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': 'SQL editor' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
            if (update.selectionSet) handlers.current.onSelectionChange(!update.state.selection.main.empty);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true })) });
  }, [schema]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const range = errorAt === null ? null : errorRange(editor.state.doc.toString(), errorAt);
    editor.dispatch({ effects: [setError.of(range), ...(range ? [EditorView.scrollIntoView(range.from, { y: 'center' })] : [])] });
  }, [errorAt]);

  useImperativeHandle(ref, () => ({
    setText(text) {
      const editor = view.current;
      if (!editor) return;
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, selection: { anchor: text.length } });
    },
    focus() {
      view.current?.focus();
    },
    request() {
      return view.current ? requestOf(view.current.state) : { sql: '', offset: 0 };
    },
  }));

  return <div ref={host} className="sql-editor" data-testid="sql-editor" />;
});
