// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.Arrays;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;

import dev.isolde.dsl.parser.antlr.internal.InternalIsoldeLexer;
import dev.isolde.dsl.parser.antlr.internal.InternalIsoldeParser;

/**
 * Colours a policy by the language's own generated lexer, so highlighting never disagrees with parsing, and re-lexes
 * only what an edit can change: re-styling all of a 5,000-rule policy on every keystroke cost tens of milliseconds of
 * the UI thread.
 * <p>
 * It keeps every token of the document with how far the lexer looked ahead to make it. After an edit, lexing restarts
 * after the last token whose look-ahead stayed before the edit, and stops as soon as a token ends where an old token
 * ended behind the edit: the lexer keeps no state between tokens, so from there on the old tokens hold, shifted. This
 * is exact also for comments and strings that span lines, which a restart at a line start would get wrong.
 */
final class PolicyHighlighter implements IPresentationDamager, IPresentationRepairer {

	private static final TextAttribute PLAIN = new TextAttribute(null);

	private final PolicyColors colors;
	private final IDocumentListener follower = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// tokens are updated once the new text is there
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			update(event);
		}
	};
	private IDocument document;

	/** Token i spans [start[i], stop[i]) and was lexed looking at characters up to look[i] (the length for EOF). */
	private int[] start = new int[0], stop = new int[0], look = new int[0], type = new int[0];
	private int count;

	/** The latest edit, and where it and the edits before it not yet reported changed tokens. */
	private DocumentEvent edit;
	private IRegion damage;
	/** Whether the presentation reconciler was told {@link #damage}; edits while its redraw is off go untold. */
	private boolean reported;

	PolicyHighlighter(PolicyColors colors) {
		this.colors = colors;
	}

	@Override
	public void setDocument(IDocument document) {
		if (document == this.document) {
			return; // set once as damager and once as repairer
		}
		if (this.document != null) {
			this.document.removePrenotifiedDocumentListener(follower);
		}
		this.document = document;
		edit = null;
		damage = null;
		count = 0;
		if (document != null) {
			// notified before the viewer's listeners, so the tokens are current when the reconciler asks for damage,
			// and also while the viewer's redraw is off (then the reconciler later damages the whole document)
			document.addPrenotifiedDocumentListener(follower);
			Lexed all = lex(document.get(), 0, -1, 0, 0);
			splice(0, count, all, 0);
		}
	}

	@Override
	public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
		if (event == edit) {
			// the reconciler may ask twice for one edit (for deletions it asks again for the damage's end)
			reported = true;
			return damage;
		}
		// not an edit (the viewer repaints a range): the tokens there are current, redraw them whole
		int from = event.getOffset(), to = from + (event.getText() == null ? 0 : event.getText().length());
		int first = tokenAt(from), last = tokenAt(Math.max(from, to - 1));
		if (first < count) {
			from = Math.min(from, start[first]);
		}
		if (last < count) {
			to = Math.max(to, stop[last]);
		}
		return new Region(from, to - from);
	}

	@Override
	public void createPresentation(TextPresentation presentation, ITypedRegion region) {
		int from = region.getOffset(), to = from + region.getLength();
		TextAttribute last = null;
		int lastStart = from, lastEnd = from;
		for (int i = tokenAt(from); i < count && start[i] < to; i++) {
			int s = Math.max(start[i], from), e = Math.min(stop[i], to);
			TextAttribute a = colors.attributeFor(category(type[i]));
			a = a == null ? PLAIN : a;
			if (a.equals(last) && s == lastEnd) {
				lastEnd = e;
			} else {
				addRange(presentation, lastStart, lastEnd, last);
				last = a;
				lastStart = s;
				lastEnd = e;
			}
		}
		addRange(presentation, lastStart, lastEnd, last);
	}

	/** As {@link org.eclipse.jface.text.rules.DefaultDamagerRepairer} styles a range. */
	private static void addRange(TextPresentation presentation, int from, int to, TextAttribute a) {
		if (a == null || to <= from) {
			return;
		}
		int style = a.getStyle();
		StyleRange range = new StyleRange(from, to - from, a.getForeground(), a.getBackground(),
				style & (SWT.ITALIC | SWT.BOLD | SWT.NORMAL));
		range.strikeout = (style & TextAttribute.STRIKETHROUGH) != 0;
		range.underline = (style & TextAttribute.UNDERLINE) != 0;
		range.font = a.getFont();
		presentation.addStyleRange(range);
	}

	/** Re-lexes what {@code event} can have changed and remembers it as damage. */
	private void update(DocumentEvent event) {
		int at = event.getOffset(), oldEnd = at + event.getLength();
		int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
		int first = 0;
		while (first < count && look[first] < at) {
			first++;
		}
		int from = first == 0 ? 0 : stop[first - 1];
		Lexed fresh = lex(document.get(), from, oldEnd, delta, first);
		int resumed = fresh.resumeAt < 0 ? count : fresh.resumeAt;
		int to = resumed == count ? document.getLength() : start[resumed] + delta;
		splice(first, resumed, fresh, delta);
		IRegion changed = new Region(from, to - from);
		if (damage != null && !reported) {
			int untoldEnd = damage.getOffset() + damage.getLength();
			int end = Math.max(untoldEnd > at ? untoldEnd + delta : untoldEnd, to);
			int offset = Math.min(damage.getOffset(), from);
			changed = new Region(offset, Math.min(end, document.getLength()) - offset);
		}
		edit = event;
		damage = changed;
		reported = false;
	}

	/**
	 * Lexes {@code text} from {@code from} until a token ends where old token {@code resumeAt - 1} ended behind
	 * {@code oldEnd} (in old offsets, {@code delta} before the new ones), or to the end; {@code oldEnd < 0} lexes all.
	 */
	private Lexed lex(String text, int from, int oldEnd, int delta, int firstOld) {
		Stream in = new Stream(text, from);
		InternalIsoldeLexer lexer = new InternalIsoldeLexer(in);
		Lexed out = new Lexed();
		int old = firstOld;
		while (true) {
			in.furthest = in.index();
			Token t = lexer.nextToken();
			if (t.getType() == Token.EOF) {
				return out;
			}
			int end = in.index();
			out.add(((org.antlr.runtime.CommonToken) t).getStartIndex(), end, in.furthest, t.getType());
			if (oldEnd >= 0 && end - delta >= oldEnd) {
				while (old < count && stop[old] < end - delta) {
					old++;
				}
				if (old < count && stop[old] == end - delta) {
					out.resumeAt = old + 1;
					return out;
				}
			}
		}
	}

	/** Replaces tokens [first, resumed) by {@code fresh} and shifts those behind by {@code delta}. */
	private void splice(int first, int resumed, Lexed fresh, int delta) {
		int tail = count - resumed, size = first + fresh.count + tail;
		if (size > start.length) {
			int capacity = Math.max(size, start.length * 3 / 2);
			start = Arrays.copyOf(start, capacity);
			stop = Arrays.copyOf(stop, capacity);
			look = Arrays.copyOf(look, capacity);
			type = Arrays.copyOf(type, capacity);
		}
		int to = first + fresh.count;
		for (int[] a : new int[][] { start, stop, look, type }) {
			System.arraycopy(a, resumed, a, to, tail);
		}
		for (int i = to; i < size; i++) {
			start[i] += delta;
			stop[i] += delta;
			look[i] += delta;
		}
		System.arraycopy(fresh.start, 0, start, first, fresh.count);
		System.arraycopy(fresh.stop, 0, stop, first, fresh.count);
		System.arraycopy(fresh.look, 0, look, first, fresh.count);
		System.arraycopy(fresh.type, 0, type, first, fresh.count);
		count = size;
	}

	/** The index of the token holding {@code offset}, or of the first after it. */
	private int tokenAt(int offset) {
		int i = Arrays.binarySearch(stop, 0, count, offset + 1);
		i = i < 0 ? -i - 1 : i;
		return Math.min(i, count);
	}

	/** The tokens as [start, stop, type] triples, for tests comparing incremental with full lexing. */
	int[][] tokens() {
		int[][] tokens = new int[count][];
		for (int i = 0; i < count; i++) {
			tokens[i] = new int[] { start[i], stop[i], type[i] };
		}
		return tokens;
	}

	/** The highlighting category of a token type of the generated lexer. */
	static PolicyColors.Category category(int type) {
		return switch (type) {
		case InternalIsoldeLexer.RULE_SL_COMMENT, InternalIsoldeLexer.RULE_ML_COMMENT -> PolicyColors.Category.COMMENT;
		case InternalIsoldeLexer.RULE_STRING -> PolicyColors.Category.STRING;
		case InternalIsoldeLexer.RULE_REGEX -> PolicyColors.Category.REGEX;
		case InternalIsoldeLexer.RULE_INT -> PolicyColors.Category.NUMBER;
		case InternalIsoldeLexer.RULE_ID, InternalIsoldeLexer.RULE_WS, InternalIsoldeLexer.RULE_ANY_OTHER -> PolicyColors.Category.DEFAULT;
		default -> keywordCategory(type);
		};
	}

	private static PolicyColors.Category keywordCategory(int type) {
		String name = type >= 0 && type < InternalIsoldeParser.tokenNames.length ? InternalIsoldeParser.tokenNames[type] : "";
		if (name.length() < 3 || !Character.isLetter(name.charAt(1))) {
			return PolicyColors.Category.DEFAULT;
		}
		String word = name.substring(1, name.length() - 1);
		return PolicyColors.HOOKS.contains(word) ? PolicyColors.Category.HOOK
				: PolicyColors.CLASSES.contains(word) ? PolicyColors.Category.MEMORY_CLASS : PolicyColors.Category.KEYWORD;
	}

	/** The document's characters from a given offset on, recording the furthest one the lexer looked at. */
	private static final class Stream extends ANTLRStringStream {
		int furthest;

		Stream(String text, int from) {
			super(text);
			p = from; // lines and columns are not needed for colours
		}

		@Override
		public int LA(int i) {
			if (i > 0) {
				furthest = Math.max(furthest, p + i - 1);
			}
			return super.LA(i);
		}

		@Override
		public void consume() {
			furthest = Math.max(furthest, p);
			super.consume();
		}
	}

	/** Freshly lexed tokens, and the old token lexing resumed at (-1: lexed to the end). */
	private static final class Lexed {
		int[] start = new int[64], stop = new int[64], look = new int[64], type = new int[64];
		int count;
		int resumeAt = -1;

		void add(int s, int e, int l, int t) {
			if (count == start.length) {
				start = Arrays.copyOf(start, count * 2);
				stop = Arrays.copyOf(stop, count * 2);
				look = Arrays.copyOf(look, count * 2);
				type = Arrays.copyOf(type, count * 2);
			}
			start[count] = s;
			stop[count] = e;
			look[count] = l;
			type[count] = t;
			count++;
		}
	}
}
