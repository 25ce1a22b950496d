package radesk.ui.counter.staff;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** 作業 → 人員管理. */
public final class ShowStaffHandler {

	@Execute
	void execute(EPartService parts) {
		parts.showPart("radesk.ui.counter.part.staff", PartState.ACTIVATE);
	}
}
