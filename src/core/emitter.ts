/** A small typed event emitter: the core announces, integrations and UI listen. */
export interface Emitter<Events extends Record<string, unknown>> {
  on<Name extends keyof Events>(name: Name, handler: (detail: Events[Name]) => void): () => void;
  emit<Name extends keyof Events>(name: Name, detail: Events[Name]): void;
}

export function createEmitter<Events extends Record<string, unknown>>(
  onHandlerError: (error: unknown) => void = () => {},
): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<(detail: never) => void>>();
  return {
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler as (detail: never) => void);
      return () => void set.delete(handler as (detail: never) => void);
    },
    emit(name, detail) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        // A site's handler that throws must not stop the others, nor the widget.
        try {
          (handler as (detail: unknown) => void)(detail);
        } catch (error) {
          onHandlerError(error);
        }
      }
    },
  };
}
