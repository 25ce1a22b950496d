package radesk.server.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;

/**
 * The counter workstation's calls in connected mode: {@code {"desk", "method", "args"}} runs that
 * method of that service interface — only the interfaces and methods listed here — with the
 * arguments converted to the method's parameter types. Every {@code Actor} parameter is the
 * signed-in member of staff of the session, whatever the caller sent: roles and dual control are
 * checked by the service on the person who signed in, never on what a client claims.
 */
final class StaffCalls {

	/** What may be called: a desk's interface, its implementation, and the methods kept from it. */
	private record Desk(Class<?> type, Object implementation, Set<String> excluded) {
	}

	private static final System.Logger LOG = System.getLogger(StaffCalls.class.getName());

	private final Map<String, Desk> desks = new HashMap<>();
	/** Calls answered before anyone signed in: public facts only (the RA units, as the subscriber edition shows them too). */
	private final Set<String> open = Set.of("CounterIntake.raUnits");
	private final ObjectMapper json;

	StaffCalls(ObjectMapper json) {
		this.json = json;
	}

	/** Opens the interface to calls, but for the methods named (sign-in has its own route; card work is done at the workstation). */
	<T> StaffCalls allow(Class<T> type, T implementation, String... excluded) {
		desks.put(type.getSimpleName(), new Desk(type, implementation, Set.of(excluded)));
		return this;
	}

	/** {@code staff}: the session's person, or null when the caller has not signed in (then only open calls). */
	JsonNode call(Actor staff, JsonNode body) throws ApiException {
		String deskName = body.path("desk").asText("");
		String methodName = body.path("method").asText("");
		if (staff == null && !open.contains(deskName + "." + methodName)) {
			throw new ApiException(401, "NOT_LOGGED_IN", "sign in first");
		}
		JsonNode args = body.get("args");
		if (args == null || !args.isArray()) {
			throw new ApiException(400, "WRONG_TYPE", "args must be an array");
		}
		Desk desk = desks.get(deskName);
		if (desk == null || desk.excluded().contains(methodName)) {
			throw new ApiException(404, "NOT_FOUND", "no such call: " + deskName + "." + methodName);
		}
		Method method = find(desk.type(), methodName, args.size());
		Object[] values = new Object[args.size()];
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < values.length; i++) {
			if (parameters[i].getType() == Actor.class) {
				values[i] = staff;
				continue;
			}
			try {
				values[i] = json.convertValue(args.get(i), json.getTypeFactory().constructType(parameters[i].getParameterizedType()));
			} catch (IllegalArgumentException e) {
				throw new ApiException(400, "WRONG_TYPE", "argument " + (i + 1) + " of " + methodName + ": " + e.getMessage());
			}
		}
		try {
			Object result = method.invoke(desk.implementation(), values);
			ObjectNode answer = json.createObjectNode();
			answer.set("result", json.valueToTree(result));
			return answer;
		} catch (InvocationTargetException e) {
			throw refusal(e.getCause());
		} catch (IllegalAccessException e) {
			throw new ApiException(404, "NOT_FOUND", "no such call: " + deskName + "." + methodName);
		}
	}

	/** The one method of that name and number of parameters; those taking a callback cannot be called from afar. */
	private static Method find(Class<?> type, String name, int arity) throws ApiException {
		for (Method m : type.getMethods()) {
			if (m.getName().equals(name) && m.getParameterCount() == arity
					&& java.util.Arrays.stream(m.getParameterTypes()).noneMatch(Consumer.class::isAssignableFrom)) {
				return m;
			}
		}
		throw new ApiException(404, "NOT_FOUND", "no such call: " + type.getSimpleName() + "." + name + "/" + arity);
	}

	private ApiException refusal(Throwable cause) {
		if (cause instanceof ServiceException e) {
			ApiException refused = RaServer.refusal(e);
			refused.detail = e.detail();
			refused.card = e.card() == null ? null : e.card().name();
			return refused;
		}
		if (cause instanceof InvalidFormException e) {
			ApiException refused = new ApiException(422, "INVALID_FORM", "the form breaks the rules");
			ArrayNode problems = json.createArrayNode();
			for (FieldProblem p : e.problems()) {
				problems.addObject().put("field", p.field().name()).put("problem", p.problem().name());
			}
			refused.problems = problems;
			return refused;
		}
		// a bug of ours: the client hears that it failed, the details (never arguments: they may hold secrets) go to the log
		LOG.log(System.Logger.Level.ERROR, "a staff call failed", cause);
		return new ApiException(500, "INTERNAL", "the server could not do this; see its log");
	}
}
