import type { MessageId } from './catalogs';

// Types `<FormattedMessage id>` and `intl.formatMessage({ id })`: an id missing from the
// English catalog is a compile error.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
