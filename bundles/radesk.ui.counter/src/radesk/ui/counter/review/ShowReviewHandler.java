package radesk.ui.counter.review;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** 作業 → 審核. */
public final class ShowReviewHandler {

	@Execute
	void execute(EPartService parts) {
		parts.showPart("radesk.ui.counter.part.review", PartState.ACTIVATE);
	}
}
