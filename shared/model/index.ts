// The data model shared by engine and renderer, one file per domain; import from 'shared/model'.
export * from './captures';
export * from './engine';
export * from './settings';
export * from './agents';
export * from './agent-report';
export * from './demo';
export * from './replay';
