package radesk.testing.swt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Drives a running workbench from a test thread, as a person would: it finds widgets by the id
 * the UI gave them ({@code setData("radesk.id", …)}), types with real key events and clicks with
 * real mouse events through the X server (XTest, which Xvfb has), and reads back what is shown.
 */
public final class WorkbenchRobot {

	private static final String ID_KEY = "radesk.id";
	private static final long WAIT_MS = 30_000;
	/** A person's hand: GTK may drop a press and release that come faster than it tracks the pointer. */
	private static final long PACE_MS = 80;

	private final Display display;

	private WorkbenchRobot(Display display) {
		this.display = display;
	}

	/** The robot for the workbench's display, once a shell with the given widget is showing. */
	public static WorkbenchRobot attach(String widgetId) {
		WorkbenchRobot robot = new WorkbenchRobot(Display.getDefault());
		robot.find(widgetId);
		return robot;
	}

	public <T> T onUi(Supplier<T> action) {
		AtomicReference<T> result = new AtomicReference<>();
		display.syncExec(() -> result.set(action.get()));
		return result.get();
	}

	public void onUi(Runnable action) {
		display.syncExec(action);
	}

	/** The visible widget with this id, waiting for it to appear. */
	public Control find(String id) {
		waitUntil(() -> onUi(() -> lookUp(id)) != null, "widget '" + id + "' to appear");
		return onUi(() -> lookUp(id));
	}

	private Control lookUp(String id) {
		for (Shell shell : display.getShells()) {
			Control hit = search(shell, id);
			if (hit != null) {
				return hit;
			}
		}
		return null;
	}

	private static Control search(Control control, String id) {
		if (control.isDisposed()) {
			return null;
		}
		if (id.equals(control.getData(ID_KEY)) && control.isVisible()) {
			return control;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Control hit = search(child, id);
				if (hit != null) {
					return hit;
				}
			}
		}
		return null;
	}

	/** Scrolls every scrolled area holding {@code control} to show it, as a person scrolls to what they want to press. */
	private static void inSight(Control control) {
		for (Control c = control.getParent(); c != null; c = c.getParent()) {
			if (c instanceof org.eclipse.swt.custom.ScrolledComposite scroll) {
				scroll.showControl(control);
			}
		}
	}

	/** Replaces the field's text by typing it key by key. */
	public void type(String id, String text) {
		Text field = (Text) find(id);
		onUi(() -> {
			field.getShell().forceActive();
			inSight(field);
			field.setFocus();
			field.selectAll();
		});
		key(SWT.DEL, '\0');
		for (char c : text.toCharArray()) {
			key(0, c);
		}
		waitUntil(() -> text.equals(textOf(id)), () -> "'" + text + "' typed into " + id + " (shows '" + textOf(id) + "')");
	}

	/**
	 * Enters text the way an input method commits it (注音, 倉頡): all at once into the focused
	 * field. X key events cannot carry Chinese characters without an input method running.
	 */
	public void commit(String id, String text) {
		Text field = (Text) find(id);
		onUi(() -> {
			field.setFocus();
			field.selectAll();
			field.insert(text);
		});
		settle();
	}

	/** Presses a key with a modifier held, e.g. {@code SWT.ALT, 'f'} for a menu's mnemonic. */
	public void chord(int modifier, char character) {
		onUi(() -> {
			Event down = new Event();
			down.type = SWT.KeyDown;
			down.keyCode = modifier;
			display.post(down);
		});
		key(0, character);
		onUi(() -> {
			Event up = new Event();
			up.type = SWT.KeyUp;
			up.keyCode = modifier;
			display.post(up);
		});
		settle();
	}

	/** Presses and releases one key, as typed. */
	public void press(char character) {
		key(0, character);
	}

	/** Presses and releases a key without a character, e.g. {@code SWT.CR} or {@code SWT.TAB}. */
	public void pressKey(int keyCode) {
		key(keyCode, keyCode == SWT.CR ? '\r' : keyCode == SWT.TAB ? '\t' : '\0');
	}

	/** Chooses an entry of a read-only combo, as picking it from the list does. */
	public void select(String id, int index) {
		org.eclipse.swt.widgets.Combo combo = (org.eclipse.swt.widgets.Combo) find(id);
		onUi(() -> {
			combo.select(index);
			combo.notifyListeners(SWT.Selection, new Event());
		});
		settle();
	}

	/** Selects a table row, as clicking it does. */
	public void selectRow(String id, int index) {
		Table table = (Table) find(id);
		onUi(() -> {
			table.setSelection(index);
			table.notifyListeners(SWT.Selection, new Event());
		});
		settle();
	}

	/** Brings the screen whose tab shows this text to the front, as clicking the tab does. */
	public void showTab(String text) {
		waitUntil(() -> onUi(() -> tab(text)) != null, "a tab '" + text + "'");
		onUi(() -> {
			org.eclipse.swt.custom.CTabItem item = tab(text);
			org.eclipse.swt.custom.CTabFolder folder = item.getParent();
			folder.setSelection(item);
			Event e = new Event();
			e.item = item;
			folder.notifyListeners(SWT.Selection, e);
		});
		settle();
	}

	private org.eclipse.swt.custom.CTabItem tab(String text) {
		for (Shell shell : display.getShells()) {
			org.eclipse.swt.custom.CTabItem hit = searchTab(shell, text);
			if (hit != null) {
				return hit;
			}
		}
		return null;
	}

	private static org.eclipse.swt.custom.CTabItem searchTab(Control control, String text) {
		if (control instanceof org.eclipse.swt.custom.CTabFolder folder) {
			for (org.eclipse.swt.custom.CTabItem item : folder.getItems()) {
				if (text.equals(item.getText())) {
					return item;
				}
			}
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				org.eclipse.swt.custom.CTabItem hit = searchTab(child, text);
				if (hit != null) {
					return hit;
				}
			}
		}
		return null;
	}

	/** Opens a table row, as double-clicking it (or Enter on it) does. */
	public void openRow(String id, int index) {
		Table table = (Table) find(id);
		onUi(() -> {
			table.setSelection(index);
			table.notifyListeners(SWT.Selection, new Event());
			table.notifyListeners(SWT.DefaultSelection, new Event());
		});
		settle();
	}

	/** Clicks the visible push button showing this text, in whichever shell it is. */
	public void clickButton(String label) {
		waitUntil(() -> onUi(() -> buttonLabelled(label)) != null, "a button labelled '" + label + "'");
		org.eclipse.swt.widgets.Button button = onUi(() -> buttonLabelled(label));
		String id = "robot.button." + label;
		onUi(() -> button.setData(ID_KEY, id));
		click(id);
	}

	private org.eclipse.swt.widgets.Button buttonLabelled(String label) {
		for (Shell shell : display.getShells()) {
			org.eclipse.swt.widgets.Button hit = searchButton(shell, label);
			if (hit != null) {
				return hit;
			}
		}
		return null;
	}

	private static org.eclipse.swt.widgets.Button searchButton(Control control, String label) {
		if (control instanceof org.eclipse.swt.widgets.Button b && label.equals(b.getText()) && b.isVisible()) {
			return b;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				org.eclipse.swt.widgets.Button hit = searchButton(child, label);
				if (hit != null) {
					return hit;
				}
			}
		}
		return null;
	}

	private void key(int keyCode, char character) {
		onUi(() -> {
			for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
				Event e = new Event();
				e.type = type;
				e.keyCode = keyCode;
				e.character = character;
				display.post(e);
			}
		});
		settle();
	}

	/** Clicks the middle of the control with the left mouse button, at a person's pace. */
	public void click(String id) {
		Control control = find(id);
		Point centre = onUi(() -> {
			control.getShell().forceActive();
			inSight(control);
			Rectangle b = control.getBounds();
			return control.getParent().toDisplay(b.x + b.width / 2, b.y + b.height / 2);
		});
		post(SWT.MouseMove, centre);
		// press only once the X server has the pointer over the control: GTK presses what is under it
		waitUntil(() -> onUi(() -> display.getCursorControl() == control),
				() -> "the pointer over " + id + " at " + centre + " (it is over "
						+ onUi(() -> String.valueOf(display.getCursorControl())) + " at "
						+ onUi(() -> display.getCursorLocation()) + ")");
		post(SWT.MouseDown, centre);
		post(SWT.MouseUp, centre);
	}

	private void post(int type, Point where) {
		onUi(() -> {
			Event e = new Event();
			e.type = type;
			e.x = where.x;
			e.y = where.y;
			e.button = type == SWT.MouseMove ? 0 : 1;
			display.post(e);
		});
		settle();
		pause(PACE_MS);
	}

	private static void pause(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Lets the UI thread handle everything queued so far. */
	public void settle() {
		onUi(() -> {
			while (display.readAndDispatch()) {
				// drain
			}
		});
	}

	public String textOf(String id) {
		Control c = find(id);
		return onUi(() -> {
			if (c instanceof Text t) {
				return t.getText();
			}
			if (c instanceof org.eclipse.swt.widgets.Label l) {
				return l.getText();
			}
			if (c instanceof org.eclipse.swt.widgets.Button b) {
				return b.getText();
			}
			if (c instanceof org.eclipse.swt.widgets.Combo combo) {
				return combo.getText();
			}
			throw new IllegalArgumentException(id + " is a " + c.getClass().getSimpleName());
		});
	}

	/** The entries of a combo, in order. */
	public List<String> items(String id) {
		org.eclipse.swt.widgets.Combo combo = (org.eclipse.swt.widgets.Combo) find(id);
		return onUi(() -> List.of(combo.getItems()));
	}

	/** The cells of a table, row by row. */
	public List<List<String>> rows(String id) {
		Table table = (Table) find(id);
		return onUi(() -> {
			List<List<String>> rows = new ArrayList<>();
			for (TableItem item : table.getItems()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < table.getColumnCount(); i++) {
					cells.add(item.getText(i));
				}
				rows.add(cells);
			}
			return rows;
		});
	}

	/**
	 * All that the shell showing this widget says in words: its labels and read-only texts, one a
	 * line (a dialog's message area, where a JFace dialog puts its error).
	 */
	public String shellWords(String id) {
		Control c = find(id);
		return onUi(() -> {
			StringBuilder words = new StringBuilder();
			collectWords(c.getShell(), words);
			return words.toString();
		});
	}

	private static void collectWords(Control c, StringBuilder words) {
		if (c instanceof org.eclipse.swt.widgets.Label l) {
			words.append(l.getText()).append('\n');
		} else if (c instanceof Text t && (t.getStyle() & SWT.READ_ONLY) != 0) {
			words.append(t.getText()).append('\n');
		} else if (c instanceof org.eclipse.swt.custom.CLabel l) {
			words.append(l.getText()).append('\n');
		}
		if (c instanceof Composite parent) {
			for (Control child : parent.getChildren()) {
				collectWords(child, words);
			}
		}
	}

	/** The title of the shell showing this widget. */
	public String shellTitle(String id) {
		Control c = find(id);
		return onUi(() -> c.getShell().getText());
	}

	public void waitUntil(BooleanSupplier condition, String what) {
		waitUntil(condition, () -> what);
	}

	/** Waits; the description is built when the wait fails, so it can say what the screen shows then. */
	public void waitUntil(BooleanSupplier condition, Supplier<String> what) {
		long deadline = System.currentTimeMillis() + WAIT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("waited " + WAIT_MS / 1000 + " s for " + what.get());
			}
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what.get());
			}
		}
	}

	/** Saves what the screen shows as a PNG, for people to look at. */
	public Path screenshot(Path file) throws java.io.IOException {
		Files.createDirectories(file.getParent());
		// GTK paints after the events that changed the screen: let it, then take the picture
		onUi(() -> {
			for (Shell shell : display.getShells()) {
				if (shell.isVisible()) {
					shell.layout(true, true);
					shell.redraw();
					shell.update();
				}
			}
		});
		settle();
		pause(400);
		settle();
		onUi(() -> {
			Rectangle area = display.getBounds();
			Image image = new Image(display, area.width, area.height);
			GC gc = new GC(display);
			try {
				gc.copyArea(image, 0, 0);
				ImageLoader loader = new ImageLoader();
				loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
				loader.save(file.toString(), SWT.IMAGE_PNG);
			} finally {
				gc.dispose();
				image.dispose();
			}
		});
		return file;
	}
}
