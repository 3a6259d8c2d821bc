import type { NoticeSnapshot } from '../../core/types.ts';
import { t } from '../strings.ts';

/** A stored notice snapshot (`GET …/notice-snapshots/{hash}`), as the console shows it. */
export interface ShownNotice {
  hash: string;
  content: NoticeSnapshot;
  problems: string[];
}

/** The notice a person saw, rendered from its snapshot: texts, types and buttons, as text. */
export function NoticeShown({ notice }: { notice: ShownNotice }) {
  const { content } = notice;
  const { texts } = content;
  return (
    <figure class="notice-shown" data-testid="notice-shown">
      <figcaption>
        {t.records.noticeShown} ({content.surface}, <code>{content.language}</code>)
      </figcaption>
      {notice.problems.length > 0 && <p role="note">{notice.problems.join('; ')}</p>}
      <div lang={content.language}>
        {texts.title && <h3>{texts.title}</h3>}
        {texts.description && <p>{texts.description}</p>}
        {texts.intro && <p>{texts.intro}</p>}
        <ul>
          {content.types.map((type) => (
            <li key={type.id}>
              <strong>{type.name}</strong> ({type.label} v{type.version}) {type.description}
            </li>
          ))}
        </ul>
        <p>
          {content.buttons.map((name) => (
            <span key={name} class="chip">
              {texts[name] ?? name}
            </span>
          ))}
        </p>
      </div>
      <p>
        <code>{notice.hash}</code>
      </p>
    </figure>
  );
}
