package radesk.service.internal;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.NotPermittedException;
import radesk.core.access.Permission;
import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;
import radesk.core.review.DualControl;
import radesk.core.review.DualControlException;
import radesk.store.ConcurrentChangeException;

/** The checks every use case starts with, turned into the service's one refusal type. */
final class Guard {

	private Guard() {
	}

	static void require(Actor actor, Permission permission) throws ServiceException {
		if (actor == null) {
			throw new ServiceException(Reason.NOT_PERMITTED, "nobody is signed in");
		}
		try {
			actor.require(permission);
		} catch (NotPermittedException e) {
			throw new ServiceException(Reason.NOT_PERMITTED, e.getMessage());
		}
	}

	static void dualControl(String submittedBy, Actor decider) throws ServiceException {
		try {
			DualControl.check(submittedBy == null ? "(unknown)" : submittedBy, decider.account());
		} catch (DualControlException e) {
			throw new ServiceException(Reason.DUAL_CONTROL, e.getMessage());
		}
	}

	/** The state a record moves to, or WRONG_STATE when its life does not allow the event. */
	static <S extends Enum<S>, E extends Enum<E>> S next(Transitions<S, E> flow, S from, E event) throws ServiceException {
		try {
			return flow.next(from, event);
		} catch (IllegalTransitionException e) {
			throw wrongState(e);
		}
	}

	static ServiceException wrongState(IllegalTransitionException e) {
		return new ServiceException(Reason.WRONG_STATE, e.getMessage());
	}

	static ServiceException concurrent(ConcurrentChangeException e) {
		return new ServiceException(Reason.CONCURRENT_CHANGE, e.getMessage());
	}

	static ServiceException notFound(String what) {
		return new ServiceException(Reason.NOT_FOUND, what);
	}
}
