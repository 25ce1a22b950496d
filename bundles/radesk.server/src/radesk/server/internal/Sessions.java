package radesk.server.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import radesk.core.access.Actor;

/**
 * Logged-in subscribers: a random bearer token (256 bits from SecureRandom) per log-in, valid for
 * 30 minutes after the last use. Tokens live in memory only: a restart logs everyone out.
 */
final class Sessions {

	static final Duration IDLE = Duration.ofMinutes(30);

	private record Session(Actor actor, Instant lastUse) {
	}

	private final Map<String, Session> open = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;

	Sessions(Clock clock) {
		this.clock = clock;
	}

	String open(Actor actor) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		open.put(token, new Session(actor, clock.instant()));
		return token;
	}

	Optional<Actor> find(String token) {
		if (token == null) {
			return Optional.empty();
		}
		Session s = open.get(token);
		Instant now = clock.instant();
		if (s == null || s.lastUse().plus(IDLE).isBefore(now)) {
			open.remove(token);
			return Optional.empty();
		}
		open.put(token, new Session(s.actor(), now));
		return Optional.of(s.actor());
	}

	void close(String token) {
		open.remove(token);
	}
}
