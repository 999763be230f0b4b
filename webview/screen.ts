/**
 * The mapping screen's controller: owns the state, turns user actions into state and
 * messages, turns host messages into state, and refreshes the views after each change.
 * Every change is also saved with setState, so a hidden tab or a window reload comes
 * back with the user's edits.
 */
import { assertNever, type HostMessage, type JobProgress, type MappingModel } from '../src/shared/protocol';
import { h, replaceChildren } from './dom';
import { asHostMessage } from './host-messages';
import { initialState, startBlocker, toSavedState, type ScreenState } from './screen-state';
import type { HostBridge } from './vscode-api';
import { createFactsView } from './views/facts-view';
import { createMappingView } from './views/mapping-view';
import { createPreviewView } from './views/preview-view';
import { createProgressView } from './views/progress-view';
import { createReviewView } from './views/review-view';
import { createStartView } from './views/start-view';
import { createTargetView } from './views/target-view';
import type { ScreenActions, View } from './views/view';

export function runScreen(root: HTMLElement, bridge: HostBridge): void {
  let state: ScreenState | null = null;
  let views: View[] = [];
  let nextRequest = 1;

  const commit = (next: ScreenState): void => {
    const wasStarted = state?.started ?? false;
    state = next;
    bridge.saveState(toSavedState(next));
    for (const view of views) view.update(next);
    if (!wasStarted && next.started) root.querySelector<HTMLElement>('#close-tab')?.focus();
  };

  const editMapping = (mapping: readonly (string | null)[]): void => {
    if (state === null) return;
    const revision = state.revision + 1;
    commit({ ...state, mapping, revision, startError: null });
    bridge.post({ type: 'mappingChanged', revision, mapping });
  };

  const actions: ScreenActions = {
    setField(column, field) {
      if (state === null || state.started) return;
      editMapping(state.mapping.map((current, index) => (index === column ? field : current)));
    },
    setTarget(target) {
      if (state !== null && !state.started) commit({ ...state, target, startError: null });
    },
    setSaveMapping(saveMapping) {
      if (state !== null) commit({ ...state, saveMapping });
    },
    createList(name) {
      if (state === null || state.listRequestId !== null) return;
      const requestId = `create-list-${nextRequest++}`;
      commit({ ...state, listRequestId: requestId, listError: null });
      bridge.post({ type: 'createList', requestId, name });
    },
    start() {
      if (state === null || startBlocker(state) !== null) return;
      commit({ ...state, starting: true, startError: null });
      bridge.post({ type: 'startImport', mapping: state.mapping, target: state.target, saveMapping: state.saveMapping });
    },
    showInProblems() {
      if (state !== null) bridge.post({ type: 'showInProblems', mapping: state.mapping });
    },
    reread(reading) {
      if (state === null || state.started || state.starting || state.rereading) return;
      commit({ ...state, rereading: true, rereadError: null });
      bridge.post({ type: 'rereadFile', ...reading });
    },
    closePanel() {
      bridge.post({ type: 'closePanel' });
    },
  };

  const build = (model: MappingModel, job: JobProgress | null): void => {
    const first = initialState(model, bridge.savedState(), job);
    const heading = `Import ${model.restore.kind}: ${model.file.fileName}`;
    document.title = heading;
    views = [
      createFactsView(model, actions),
      createPreviewView(model),
      createReviewView(actions),
      createMappingView(model, actions),
      createTargetView(first, actions),
      createStartView(first, actions),
      createProgressView(actions),
    ];
    const [facts, preview, review, mapping, target, start, progress] = views.map((view) => view.element);
    // Review sits between the mapping and the target so the badge is next to the pickers.
    root.removeAttribute('aria-busy');
    replaceChildren(root, h('h1', {}, heading), facts, preview, mapping, review, target, start, progress);
    state = null;
    commit(first);
    bridge.post({ type: 'mappingChanged', revision: first.revision, mapping: first.mapping });
  };

  const handle = (message: HostMessage): void => {
    if (message.type === 'init') {
      build(message.model, message.job);
      return;
    }
    if (state === null) return;
    switch (message.type) {
      case 'review':
        if (message.revision === state.revision) commit({ ...state, review: message.review, reviewedRevision: message.revision });
        return;
      case 'lists': {
        // A chosen list that vanished must not stay chosen behind an empty picker.
        const known = new Set(message.lists.map((list) => list.uuid));
        const target = state.target.kind === 'contacts'
          ? { ...state.target, listUuid: state.target.listUuid !== null && known.has(state.target.listUuid) ? state.target.listUuid : null }
          : { ...state.target, listUuids: state.target.listUuids.filter((uuid) => known.has(uuid)) };
        commit({ ...state, model: { ...state.model, lists: message.lists }, target });
        return;
      }
      case 'createListResult': {
        if (message.requestId !== state.listRequestId) return;
        const { result } = message;
        if (!result.ok) {
          commit({ ...state, listRequestId: null, listError: result.message });
          return;
        }
        const lists = state.model.lists.some((list) => list.uuid === result.list.uuid) ? state.model.lists : [...state.model.lists, result.list];
        const target = state.target.kind === 'contacts'
          ? { ...state.target, listUuid: result.list.uuid }
          : { ...state.target, listUuids: [...state.target.listUuids.filter((uuid) => uuid !== result.list.uuid), result.list.uuid] };
        commit({ ...state, model: { ...state.model, lists }, target, listRequestId: null, listError: null });
        return;
      }
      case 'startFailed':
        commit({ ...state, starting: false, startError: message.message });
        return;
      case 'rereadFailed':
        commit({ ...state, rereading: false, rereadError: message.message });
        return;
      case 'job':
        commit({ ...state, job: message.job, started: true, starting: false });
        return;
      default:
        assertNever(message, 'host message');
    }
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = asHostMessage(event.data);
    if (message !== null) handle(message);
  });
  bridge.post({ type: 'ready' });
}
