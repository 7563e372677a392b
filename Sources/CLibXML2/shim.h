#ifndef WHOSAID_CLIBXML2_SHIM_H
#define WHOSAID_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU, whose types clash with the ICU that Foundation carries.
// The HTML parser does not need libxml2's ICU entry points, so hide them before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer variable; Swift 6 refuses it as shared mutable state.
static inline void whosaid_xmlFree(void *pointer) { xmlFree(pointer); }

// Silence libxml2's default error printer (it writes to stderr for every malformed tag).
static inline void whosaid_silenceXMLErrors(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
