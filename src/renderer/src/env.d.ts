/// <reference types="vite/client" />
import type { GigdeskApi } from '../../shared/bridge';

declare global {
  interface Window {
    gigdesk: GigdeskApi;
  }
}
