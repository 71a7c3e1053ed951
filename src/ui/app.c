/* app.c - the browser's state, its main loop, and filter changes.
 *
 * The loop waits for a key at most a quarter of a second, so that about
 * once a second it can ask the store whether another process committed
 * (store_data_version); if so, counts and the list are refreshed with the
 * cursor kept on the event it was on.
 */
#include <config.h>

#include "ui/curses.h"

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ui/internal.h"
#include "ui/ui.h"
#include "util/i18n.h"

#define POLL_MS 1000
#define KEY_WAIT_MS 250
/* Counting slices: the first runs before a changed screen is drawn, the
 * rest between keys; each short enough that a key waits at most that.
 * The first ends this long after the key was read, so it takes what the
 * list's page left: a page that took longer leaves none, and the screen
 * is drawn at once.  (A fixed 20 ms slice after the page, as before, put
 * the 10M bench's slowest filters at 50 to 60 ms; the target is 50.) */
#define FIRST_COUNT_DEADLINE_MS 25
#define COUNT_SLICE_MS 30
#define BACK_MAX 64

/* A signal that ends the program, caught so that the screen is put back
 * first (on_signal).  curses does that itself for SIGINT and SIGTERM but
 * not for SIGQUIT (Ctrl-\), which left the terminal in the alternate
 * screen with no echo and no cursor. */
static volatile sig_atomic_t ending_signal;

static void on_signal(int sig)
{
	ending_signal = sig;
}

/* Ctrl-C: the browser ends as q ends it, so that `trailnav PATH` still
 * says what its import did (ncurses' own handler exited at once, status
 * 1, and that report was lost), and the status is 130, as after any
 * program a person interrupts. */
static volatile sig_atomic_t interrupted;
static struct sigaction sigint_before;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Caught unless ignored (as under nohup): the loop sees it within a
 * key wait, a quarter of a second at most. */
static void catch_signals(void)
{
	static const int sigs[] = { SIGQUIT, SIGHUP, SIGINT };
	interrupted = 0;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = sigs[i] == SIGINT ? on_interrupt : on_signal;
		sigemptyset(&sa.sa_mask);
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
		if (sigs[i] == SIGINT)
			sigint_before = old;
	}
}

/* After the browser: Ctrl-C is the caller's again. */
static void release_interrupt(void)
{
	sigaction(SIGINT, &sigint_before, NULL);
}

/* After the screen is put back: dies of the signal caught, as it would
 * have (the shell then says "Quit", status 128 + 3). */
static void raise_ending_signal(void)
{
	int sig = ending_signal;
	if (!sig)
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig);
}

int64_t app_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
}

/* The database's total changes only with its data, not with the
 * filter. */
static void count_total(struct app *a)
{
	struct store_summary sum;
	if (store_summary(a->store, &sum) == 0) {
		a->total = sum.events;
		/* Events without a usable time (store.h) are no part of
		 * the span: they would stretch the timeline to 1970. */
		a->oldest_all = sum.oldest_ms;
		a->newest_all = sum.newest_ms;
		a->empty = sum.events == 0;
	}
}

void app_recount(struct app *a)
{
	facets_load(a);
	timeline_load(a, false);
	a->first_slice_due = true;
}

/* Before drawing what a key (or new data) changed, read at `started_ms`:
 * on a small database the counts are done before the screen is drawn. */
static void first_slice(struct app *a, int64_t started_ms)
{
	if (!a->first_slice_due)
		return;
	a->first_slice_due = false;
	int64_t left = started_ms + FIRST_COUNT_DEADLINE_MS - monotonic_ms();
	if (left > 0)
		app_count_step(a, left);
}

bool app_counting(const struct app *a)
{
	return facets_counting(a) || timeline_counting(a);
}

/* Whether work goes on between keys: counting, or the list's search. */
static bool app_busy(const struct app *a)
{
	return app_counting(a) || list_searching(a);
}

/* A slice between keys: the list's search first (rows to see), counts
 * with the rest, half of it at least. */
static void work_step(struct app *a, int64_t budget_ms)
{
	int64_t until = monotonic_ms() + budget_ms;
	if (list_searching(a))
		list_search_step(a, app_counting(a) ? budget_ms / 2 : budget_ms);
	int64_t left = until - monotonic_ms();
	if (left > 0)
		app_count_step(a, left);
}

/* Counts for about `budget_ms`, the timeline's few buckets first (they
 * finish soonest), and shows what is counted so far. */
void app_count_step(struct app *a, int64_t budget_ms)
{
	int64_t until = monotonic_ms() + budget_ms;
	int64_t left = budget_ms;
	while (app_counting(a) && left > 0) {
		if (timeline_counting(a)) {
			if (store_tally_step(a->timeline.tally, left) < 0) {
				/* Said once; the count is given up. */
				app_message(a, "%s", store_errmsg(a->store));
				store_tally_free(a->timeline.tally);
				a->timeline.tally = NULL;
			}
			timeline_take(a);
		}
		left = until - monotonic_ms();
		if (facets_counting(a) && left > 0) {
			if (store_tally_step(a->facets.tally, left) < 0) {
				app_message(a, "%s", store_errmsg(a->store));
				store_tally_free(a->facets.tally);
				a->facets.tally = NULL;
			}
			facets_take(a);
			/* Now the filter's own span is known: the timeline
			 * fits it. */
			if (!facets_counting(a) && a->timeline.provisional)
				timeline_refit(a);
		}
		left = until - monotonic_ms();
	}
}

/* Makes the parsed `f` (text `canon`) the filter, without history. */
static void install(struct app *a, struct filter *f, char *canon)
{
	filter_free(a->filter);
	free(a->filter_text);
	a->filter = f;
	a->filter_text = canon;
	a->timeline.automatic = true;
	app_recount(a);
	a->list.at_start = true;
	a->list.sel = 0;
	list_reload(a, false);
}

int app_set_filter(struct app *a, const char *text, struct filter_error *err)
{
	struct filter_error e;
	struct filter *f = filter_parse(text, app_now_ms(), &e);
	if (!f) {
		if (err)
			*err = e;
		return -1;
	}
	char *canon = filter_format(f);
	if (!canon) {
		filter_free(f);
		return -1;
	}
	if (a->filter_text && strcmp(canon, a->filter_text) == 0) {
		filter_free(f);
		free(canon);
		return 0;
	}
	/* The filter it replaces goes on the stack app_back() pops. */
	if (a->nback == BACK_MAX) {
		free(a->back[0]);
		memmove(a->back, a->back + 1, (BACK_MAX - 1) * sizeof *a->back);
		a->nback--;
	}
	char *old = strdup(a->filter_text ? a->filter_text : "");
	if (old)
		a->back[a->nback++] = old;
	install(a, f, canon);
	return 0;
}

void app_back(struct app *a)
{
	if (a->nback == 0) {
		app_message(a, "%s", _("no earlier filter to go back to"));
		return;
	}
	char *text = a->back[--a->nback];
	struct filter *f = filter_parse(text, app_now_ms(), NULL);
	char *canon = f ? filter_format(f) : NULL;
	free(text);
	if (!f || !canon) {
		filter_free(f);
		free(canon);
		return;
	}
	install(a, f, canon);
}

/* Another process committed: recount and keep the cursor. */
static void poll_data(struct app *a)
{
	int64_t now = monotonic_ms();
	if (now - a->last_poll_ms < POLL_MS)
		return;
	a->last_poll_ms = now;
	int64_t v;
	if (store_data_version(a->store, &v) < 0 || v == a->data_version)
		return;
	a->data_version = v;
	count_total(a);
	app_recount(a);
	list_reload(a, true);
}

static int open_store(struct app *a, const char *path)
{
	char err[512];
	/* STORE_READER: read-write when the file can be written, so that a
	 * database another process is creating this moment (trailnav PATH
	 * imports in a child) is waited for rather than found half made; a
	 * missing one is created so the welcome screen can say how to fill
	 * it; read-only (or immutable) when that is all the file allows. */
	a->store = store_open(path, STORE_READER, err, sizeof err);
	if (!a->store) {
		fprintf(stderr, "trailnav: %s\n", err);
		return -1;
	}
	return 0;
}

static void app_free(struct app *a)
{
	keylog_close(&a->keylog);
	list_free(a);
	facets_free(&a->facets);
	detail_free(&a->detail);
	timeline_free(&a->timeline);
	filterline_free(&a->fl);
	export_free(&a->exp);
	presets_free(a);
	for (size_t i = 0; i < a->nback; i++)
		free(a->back[i]);
	free(a->back);
	filter_free(a->filter);
	free(a->filter_text);
	if (a->store)
		store_close(a->store);
}

static bool init_terminal(struct app *a, SCREEN **scr)
{
	/* newterm, unlike initscr, returns NULL for an unknown TERM instead
	 * of exiting. */
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr) {
		fprintf(stderr, "%s\n",
		        _("trailnav: cannot use this terminal (is TERM set?)"));
		return false;
	}
	set_term(*scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Home and End as terminals send them whatever TERM's entry says
	 * (tmux and screen send ESC [1~ and ESC [4~ under xterm's TERM), and
	 * Shift-Tab where the entry has none (vt100, whose emulators send
	 * ESC [ Z: it came as Esc, '[' and 'Z'). */
	static const struct { const char *seq; int key; } extra[] = {
		{ "\033[Z", KEY_BTAB },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME },  { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME },  { "\033OF", KEY_END },
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
	set_escdelay(25);
	curs_set(0);
	timeout(KEY_WAIT_MS);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	                  BUTTON5_PRESSED,
	          NULL);
	mouseinterval(0);
	const char *cs = nl_langinfo(CODESET);
	a->utf8 = cs && strcmp(cs, "UTF-8") == 0;
	draw_init_colours(a);
	return true;
}

/* One key: handled, then answered on screen at once, so that the time a
 * person waits is the time measured (keylog.h). */
static void answer_key(struct app *a, bool is_key, wint_t ch)
{
	int64_t read_us = keylog_now_us();
	int64_t read_ms = read_us / 1000; /* the same clock */
	if (is_key && ch == KEY_RESIZE) {
		/* Page and timeline sizes follow the new layout. */
		layout_compute(a);
		list_reload(a, true);
		timeline_load(a, false);
		clear();
	} else if (is_key && ch == KEY_MOUSE) {
		actions_mouse(a);
	} else {
		a->message[0] = '\0';
		actions_dispatch(a, is_key, ch);
	}
	if (!a->quit) {
		first_slice(a, read_ms);
		layout_draw(a);
	}
	keylog_key(&a->keylog, is_key, ch, read_us, app_busy(a));
}

static bool told_to_close(struct app *a,
                          const struct ui_close_check *close_check)
{
	if (!close_check)
		return false;
	if (close_check->now(close_check->ctx))
		return true;
	const char *note =
		close_check->note ? close_check->note(close_check->ctx) : NULL;
	if (note)
		snprintf(a->pending_note, sizeof a->pending_note, "%s", note);
	/* Behind help or a menu it would be gone with the key that closes
	 * them, unseen: it waits for them to close. */
	if (a->pending_note[0] && a->overlay == OV_NONE) {
		app_message(a, "%s", a->pending_note);
		a->pending_note[0] = '\0';
		layout_draw(a);
	}
	return false;
}

static void run(struct app *a, const struct ui_close_check *close_check)
{
	first_slice(a, monotonic_ms());
	layout_draw(a);
	keylog_first_screen(&a->keylog);
	while (!a->quit && !ending_signal && !interrupted &&
	       !told_to_close(a, close_check)) {
		/* While busy, keys are only looked for between slices. */
		bool busy = app_busy(a);
		timeout(busy ? 0 : KEY_WAIT_MS);
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR && busy) {
			work_step(a, COUNT_SLICE_MS);
			layout_draw(a);
			if (!app_busy(a))
				keylog_settled(&a->keylog);
			continue;
		}
		if (rc == ERR) {
			int64_t before = a->data_version;
			int64_t polled_ms = monotonic_ms();
			poll_data(a);
			if (a->data_version != before) {
				first_slice(a, polled_ms);
				layout_draw(a);
			}
			continue;
		}
		answer_key(a, rc == KEY_CODE_YES, ch);
	}
}

int ui_browse(const char *db_path, const struct ui_close_check *close_check)
{
	struct app a;
	memset(&a, 0, sizeof a);
	keylog_open(&a.keylog, keylog_now_us());
	a.db_path = db_path;
	a.list.newest_first = true;
	a.list.at_start = true;
	a.timeline.automatic = true;
	a.focus = PANE_LIST;
	a.back = calloc(BACK_MAX, sizeof *a.back);
	if (!a.back || open_store(&a, db_path) < 0) {
		app_free(&a);
		return 2;
	}
	a.filter = filter_parse("", 0, NULL);
	a.filter_text = strdup("");
	if (!a.filter || !a.filter_text) {
		app_free(&a);
		return 2;
	}
	store_data_version(a.store, &a.data_version);
	a.last_poll_ms = monotonic_ms();
	presets_load(&a);
	catch_signals();
	SCREEN *scr;
	if (!init_terminal(&a, &scr)) {
		release_interrupt();
		app_free(&a);
		return 2;
	}
	layout_compute(&a);
	count_total(&a);
	app_recount(&a);
	list_reload(&a, false);
	run(&a, close_check);
	endwin();
	delscreen(scr);
	app_free(&a);
	raise_ending_signal();
	release_interrupt();
	return interrupted ? 130 : 0;
}
