import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { LabelBadge, LabelIcon } from '../../../components/label-icon';
import { LABEL_NAMES } from '../../../lib/labels/label-style';
import type { EntityLabel } from '../../../types/api';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import type { SearchHit } from '../../../types/api';
import { MIN_SEARCH_LENGTH, useSearch } from '../api/search';
import './search.css';

const DEBOUNCE_MS = 200;

type HitGroup = { label: EntityLabel; hits: SearchHit[] };

/** Keeps the server's ranking inside each label; a group is placed where its best hit ranked. */
export function groupByLabel(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<EntityLabel, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.label);
    if (list) list.push(hit);
    else groups.set(hit.label, [hit]);
  }
  return [...groups].map(([label, list]) => ({ label, hits: list }));
}

type SearchBoxProps = {
  /** the analyst picked a result (click or Enter) */
  onSelect: (hit: SearchHit) => void;
};

export function SearchBox({ onSelect }: SearchBoxProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter pressed before the results for the current text arrived: pick the best match once they do.
  const [enterPending, setEnterPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();

  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useSearch({ q: query });
  const tooShort = text.trim().length < MIN_SEARCH_LENGTH;
  // Grouped by label, groups in the order of their best hit: the flat list is the visual (and keyboard) order.
  const groups = groupByLabel(tooShort || search.isError ? [] : (search.data?.hits ?? []));
  const hits = groups.flatMap((g) => g.hits);
  const pending = !tooShort && (query !== text.trim() || search.isFetching);
  // Results on screen may still be for an earlier text while the debounce runs or the next request is out.
  const settled = query === text.trim() && !search.isPlaceholderData && (search.isSuccess || search.isError);
  const stale = !tooShort && !settled;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    onSelect(hit);
  };

  // A new result list starts at its first entry, so Enter right after typing picks the best match.
  useEffect(() => setActive(0), [search.data]);

  // "/" jumps to the search box from anywhere, as in most analyst tools.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!enterPending || stale) return;
    setEnterPending(false);
    if (hits[0]) choose(hits[0]);
  });

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (hits.length > 0) setActive((i) => (i + 1) % hits.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (hits.length > 0) setActive((i) => (i - 1 + hits.length) % hits.length);
        break;
      case 'Home':
        if (open && hits.length > 0) {
          event.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (open && hits.length > 0) {
          event.preventDefault();
          setActive(hits.length - 1);
        }
        break;
      case 'Enter':
        if (tooShort) break;
        event.preventDefault();
        if (stale) setEnterPending(true);
        else if (hits.length > 0) choose(hits[Math.min(active, hits.length - 1)]);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else {
          setText('');
        }
        break;
    }
  };

  const showPanel = open && text.trim().length > 0;
  const activeHit = showPanel ? hits[active] : undefined;

  return (
    <div className="search">
      <svg className="search__icon" viewBox="0 0 24 24" width="15" height="15" aria-hidden="true">
        <circle cx="10.5" cy="10.5" r="6.5" />
        <path d="m15.5 15.5 5 5" />
      </svg>
      <input
        ref={inputRef}
        className="search__input"
        data-testid="search-input"
        type="search"
        role="combobox"
        aria-label="Search entities"
        aria-autocomplete="list"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-activedescendant={activeHit ? `${listId}-${active}` : undefined}
        placeholder="Search domains, accounts, e-mails, people, reports…  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setEnterPending(false);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {pending && <span className="search__spinner" aria-hidden="true" />}
      {showPanel && (
        <div className="search__panel">
          {tooShort ? (
            <p className="search__note">Type at least {MIN_SEARCH_LENGTH} characters.</p>
          ) : search.isError ? (
            <p className="search__note search__note--error" role="alert">
              {search.error.message}
            </p>
          ) : hits.length === 0 ? (
            <p className="search__note">{pending ? 'Searching…' : `No matches for “${query}”.`}</p>
          ) : null}
          <ul
            ref={listRef}
            id={listId}
            className={`search__results${stale ? ' search__results--stale' : ''}`}
            aria-busy={stale}
            role="listbox"
            aria-label="Search results"
            hidden={hits.length === 0}
          >
            {groups.map((group) => (
              <li key={group.label} role="group" aria-label={LABEL_NAMES[group.label]} className="search-group" data-testid="search-group" data-label={group.label}>
                <div className="search-group__title" aria-hidden="true">
                  {LABEL_NAMES[group.label]} <span className="search-group__count">{group.hits.length}</span>
                </div>
                <ul role="none" className="search-group__list">
                  {group.hits.map((hit) => {
                    const index = hits.indexOf(hit);
                    return (
                    <li
                      key={hit.id}
                      id={`${listId}-${index}`}
                      className={`search-result${index === active ? ' search-result--active' : ''}`}
                      data-testid="search-result"
                      data-node-id={hit.id}
                      data-label={hit.label}
                      data-index={index}
                      role="option"
                      aria-selected={index === active}
                      // mousedown would blur the input and close the list before the click lands
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => setActive(index)}
                      onClick={() => choose(hit)}
                    >
                      <LabelIcon label={hit.label} size={24} />
                      <span className="search-result__text">
                        <span className="search-result__caption">{hit.caption}</span>
                        {hit.detail && <span className="search-result__detail">{hit.detail}</span>}
                      </span>
                      <LabelBadge label={hit.label} />
                    </li>
                        );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {hits.length > 0 && (
            <p className="search__footer">
              <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to place on the canvas · <kbd>Esc</kbd> to close
            </p>
          )}
        </div>
      )}
    </div>
  );
}
