package radesk.ui.counter;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import radesk.api.staff.CounterIntake;
import radesk.core.registration.RaUnit;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;

/**
 * RA 單位: 全部 or one RA unit, as the review queue and the due list filter by it — a label and a
 * choice whose units are read off the UI thread, named in the UI's language. Reading them refuses
 * nothing (no checked refusal); a failure goes to the workspace log with the Job's error, and 全部
 * stays to choose.
 */
public final class UnitChoice {

	private final Combo combo;
	private List<RaUnit> units = List.of();

	public UnitChoice(Composite parent, String widgetId, CounterIntake intake, Runnable chosen) {
		new Label(parent, SWT.NONE).setText(Messages.review_unit);
		combo = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), widgetId);
		combo.add(Messages.review_all);
		combo.select(0);
		boolean chinese = java.util.Locale.getDefault().getLanguage().equals("zh");
		Background.of(combo, Messages.text("job_units")).run(intake::raUnits, read -> {
			units = read;
			units.forEach(u -> combo.add(chinese ? u.nameZhTw() : u.nameEn()));
		}, none -> {
		});
		combo.addListener(SWT.Selection, e -> chosen.run());
	}

	/** The chosen unit's code, or null for 全部. */
	public String code() {
		int i = combo.getSelectionIndex();
		return i <= 0 || i > units.size() ? null : units.get(i - 1).code();
	}
}
