package radesk.core.lifecycle;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine's table: from each state, which event leads to which state. Anything not in the
 * table is refused with {@link IllegalTransitionException}. Built once per kind of record.
 */
public final class Transitions<S extends Enum<S>, E extends Enum<E>> {

	private final String subject;
	private final Map<S, Map<E, S>> table;

	private Transitions(String subject, Map<S, Map<E, S>> table) {
		this.subject = subject;
		this.table = table;
	}

	public static <S extends Enum<S>, E extends Enum<E>> Builder<S, E> of(String subject, Class<S> states, Class<E> events) {
		return new Builder<>(subject, states, events);
	}

	/** The state that {@code event} leads to from {@code from}, or why it may not happen. */
	public S next(S from, E event) throws IllegalTransitionException {
		return allowed(from, event).orElseThrow(() -> new IllegalTransitionException(subject, from, event));
	}

	public Optional<S> allowed(S from, E event) {
		Map<E, S> out = table.get(from);
		return Optional.ofNullable(out == null ? null : out.get(event));
	}

	public boolean isFinal(S state) {
		Map<E, S> out = table.get(state);
		return out == null || out.isEmpty();
	}

	public static final class Builder<S extends Enum<S>, E extends Enum<E>> {
		private final String subject;
		private final Class<E> events;
		private final Map<S, Map<E, S>> table;

		private Builder(String subject, Class<S> states, Class<E> events) {
			this.subject = subject;
			this.events = events;
			this.table = new EnumMap<>(states);
		}

		public Builder<S, E> on(E event, S to, @SuppressWarnings("unchecked") S... from) {
			for (S f : from) {
				S previous = table.computeIfAbsent(f, k -> new EnumMap<>(events)).put(event, to);
				if (previous != null) {
					throw new IllegalStateException(subject + ": " + f + " --" + event + "--> defined twice");
				}
			}
			return this;
		}

		public Transitions<S, E> build() {
			return new Transitions<>(subject, table);
		}
	}
}
