import { redactionMarkers } from '../../../../shared/domain/redactionMarkers';
import { Markdown } from '../../ui/markdown/Markdown';

const markers = Object.values(redactionMarkers);
const markerPattern = new RegExp(markers.map((m) => m.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/** True when the server replaced personal data in this body (tier 0). */
export const hasRedactions = (body: string): boolean => markers.some((m) => body.includes(m));

/**
 * Redaction markers become visible chips; everything else goes through the markdown sanitizer
 * (the chip's HTML passes through it too, so nothing here bypasses it).
 */
export function withRedactionChips(body: string): string {
  return body.replace(markerPattern, (m) => `<mark class="redaction">${m}</mark>`);
}

export function MessageBody({ body }: { body: string }) {
  return <Markdown className="thread-message__body" source={withRedactionChips(body)} />;
}
