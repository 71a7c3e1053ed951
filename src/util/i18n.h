/* i18n.h - gettext wiring for every user-visible string.
 *
 * _() translates at run time, N_() marks a string in a static table for
 * xgettext and translates nothing.  Without NLS (./configure
 * --disable-nls) both are the identity, so the code reads the same.
 */
#ifndef TRAILNAV_I18N_H
#define TRAILNAV_I18N_H

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#if defined(ENABLE_NLS) && ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) ((const char *)(s))
#define ngettext(singular, plural, n) ((n) == 1 ? (singular) : (plural))
#endif

#define N_(s) (s)

#endif
