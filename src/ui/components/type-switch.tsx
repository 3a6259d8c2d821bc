import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { ConsentType, NoticeTexts } from '../../core/types.ts';
import { isEditable, type Choices } from '../../core/choice.ts';

export interface TypeSwitchProps {
  type: ConsentType;
  on: Signal<Choices>;
  texts: NoticeTexts;
  /** Prefix of element ids, unique per rendered widget. */
  idPrefix: string;
  /** More about the type (its link, its current state), under the description. */
  children?: ComponentChildren;
}

/** One consent type with its switch: required ones locked on, read-only ones not editable. */
export function TypeSwitch(props: TypeSwitchProps) {
  const { type, on, texts, idPrefix } = props;
  const id = `${idPrefix}-${type.label}`;
  return (
    <li class="type">
      <div class="type-head">
        {/* A type's name and description come from the config in one language, whatever the
            widget's: `auto` lays them out in their own direction (English in an Arabic center). */}
        <label for={id} class="type-name" dir="auto">
          {type.name}
        </label>
        {type.required ? <span class="always-on">{texts.alwaysOn}</span> : null}
        <input
          id={id}
          type="checkbox"
          role="switch"
          class="switch"
          part="switch"
          checked={type.required || !!on.value[type.label]}
          disabled={!isEditable(type)}
          aria-describedby={`${id}-description`}
          onChange={(event) =>
            (on.value = { ...on.value, [type.label]: event.currentTarget.checked })
          }
        />
      </div>
      <p id={`${id}-description`} class="type-description" dir="auto">
        {type.description}
      </p>
      {props.children}
    </li>
  );
}
