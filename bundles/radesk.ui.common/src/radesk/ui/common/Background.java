package radesk.ui.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A call to the RA service run as an Eclipse {@link Job}, off the UI thread — in connected mode every
 * call is an HTTPS round trip to the RA server, and the screen must not freeze meanwhile — its answer
 * applied on the UI thread with {@link Display#asyncExec}, and only while the screen is still there.
 * <p>
 * The call runs on the Job's thread: it must not touch a widget, so whatever it needs from the screen
 * (the typed text, the chosen row, who is signed in) is read before. A refusal (a checked exception
 * such as {@code ServiceException}) is handed to the screen to word; a failure of ours (a runtime
 * exception) is thrown from the Job, which writes it to the workspace log, after the screen got its
 * controls back.
 *
 * <pre>
 * Background.of(table, name).disabling(refresh).in(lists).run(() -&gt; desk.queue(who), this::show, this::refused);
 * </pre>
 */
public final class Background {

	/** The work done off the UI thread: a service call that may be refused with {@code X}. */
	@FunctionalInterface
	public interface Call<T, X extends Exception> {
		T call() throws X;
	}

	/**
	 * Calls of which only the newest one's answer is shown: a list read again while a previous read is
	 * still under way, a search as one types. An older answer arriving late is dropped.
	 */
	public static final class Lane {

		private final AtomicLong asked = new AtomicLong();

		long next() {
			return asked.incrementAndGet();
		}

		boolean newest(long ticket) {
			return asked.get() == ticket;
		}
	}

	private final Control owner;
	private final String name;
	private Control[] busy = {};
	private Lane lane;
	private Consumer<? super Throwable> onFailure = e -> {
	};
	private Consumer<Object> unclaimed = result -> {
	};
	private boolean user;
	/** Where the focus was when {@link #busy} took it, if it did. */
	private Control focus;

	private Background(Control owner, String name) {
		this.owner = owner;
		this.name = name;
	}

	/** A Job named {@code name} whose answer is applied only while {@code owner} is not disposed. */
	public static Background of(Control owner, String name) {
		return new Background(owner, name);
	}

	/** Shorthand for {@code of(owner, name).run(call, onResult, onRefusal)}. */
	public static <T, X extends Exception> Job run(Control owner, String name, Call<T, X> call, Consumer<? super T> onResult,
			Consumer<? super X> onRefusal) {
		return of(owner, name).run(call, onResult, onRefusal);
	}

	/**
	 * Controls (the buttons that started the call, a form being stored) disabled while it runs, enabled
	 * again before the answer is applied; the focus, when it was in them, goes back where it was.
	 */
	public Background disabling(Control... controls) {
		busy = controls.clone();
		return this;
	}

	/** Only the newest call of {@code lane} is answered. */
	public Background in(Lane newestWins) {
		lane = newestWins;
		return this;
	}

	/** What the screen says when the call failed for a reason of ours (still written to the workspace log). */
	public Background onFailure(Consumer<? super Throwable> said) {
		onFailure = said;
		return this;
	}

	/**
	 * What becomes of an answer (of the type the call answers) nobody is left to take — the screen closed,
	 * a newer call came: a secret wiped.
	 */
	@SuppressWarnings("unchecked")
	public <T> Background unclaimed(Consumer<? super T> discard) {
		unclaimed = (Consumer<Object>) discard;
		return this;
	}

	/** A Job the person started with a button, shown as theirs (the default: the screen's own reading). */
	public Background user() {
		user = true;
		return this;
	}

	/**
	 * Schedules the call; {@code onResult} or {@code onRefusal} hears on the UI thread. Call on the UI thread.
	 *
	 * @return the Job, scheduled
	 */
	public <T, X extends Exception> Job run(Call<T, X> call, Consumer<? super T> onResult, Consumer<? super X> onRefusal) {
		Display display = owner.getDisplay();
		long ticket = lane == null ? 0 : lane.next();
		Control focused = display.getFocusControl();
		focus = focused != null && inBusy(focused) ? focused : null;
		for (Control c : busy) {
			c.setEnabled(false);
		}
		Job job = Job.create(name, monitor -> {
			T result;
			try {
				result = call.call();
			} catch (RuntimeException | Error e) {
				apply(display, ticket, () -> onFailure.accept(e), null);
				throw e; // a failure of ours: the Job's error goes to the workspace log
			} catch (Exception e) {
				@SuppressWarnings("unchecked") // call() throws nothing else checked
				X refusal = (X) e;
				apply(display, ticket, () -> onRefusal.accept(refusal), null);
				return Status.OK_STATUS;
			}
			apply(display, ticket, () -> onResult.accept(result), result);
			return Status.OK_STATUS;
		});
		job.setUser(user);
		job.schedule();
		return job;
	}

	/** On the UI thread: the controls back, then the answer — unless a newer call came or the screen is gone. */
	private void apply(Display display, long ticket, Runnable answer, Object result) {
		try {
			display.asyncExec(() -> {
				if (lane != null && !lane.newest(ticket)) {
					discard(result); // the newer call enables the controls and shows its answer
					return;
				}
				for (Control c : busy) {
					if (!c.isDisposed()) {
						c.setEnabled(true);
					}
				}
				Control now = display.getFocusControl();
				if (focus != null && !focus.isDisposed() && (now == null || now instanceof Shell || inBusy(now))) {
					focus.setFocus(); // typing goes on where it was
				}
				if (owner.isDisposed()) {
					discard(result);
				} else {
					answer.run();
				}
			});
		} catch (SWTException e) {
			discard(result); // the workbench closed while the call ran: nobody is left to tell
		}
	}

	private boolean inBusy(Control c) {
		for (Control at = c; at != null; at = at.getParent()) {
			for (Control b : busy) {
				if (at == b) {
					return true;
				}
			}
		}
		return false;
	}

	private void discard(Object result) {
		if (result != null) {
			unclaimed.accept(result);
		}
	}
}
