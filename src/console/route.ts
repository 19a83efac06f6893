import { useEffect, useState } from 'react';

/** The console's pages, in the order of its navigation. */
export const pages = [
  'overview',
  'advocates',
  'promotions',
  'ladder',
  'tasks',
  'fallback',
  'content',
  'ratings',
  'escalations',
  'payouts',
  'rules',
  'webhooks',
  'articleFeedback',
  'audit',
  'accounts',
] as const;
export type PageName = (typeof pages)[number];

export interface Route {
  page: PageName | 'accept';
  params: URLSearchParams;
}

/** `#/tasks?status=open` → the page and its parameters (hash routing: the server serves one file). */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  if (path === 'accept') return { page: 'accept', params };
  const page = (pages as readonly string[]).includes(path) ? (path as PageName) : 'overview';
  return { page, params };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseHash(hash);
}

export const go = (page: PageName) => {
  location.hash = `#/${page}`;
};
