#ifndef WHOSAID_CLIBXML2_SHIM_H
#define WHOSAID_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU, whose types clash with the ICU that Foundation carries.
// The HTML parser does not need libxml2's ICU entry points, so hide them before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
// xmlSwitchToEncoding: the SAX walk sets the encoding on its own parser context.
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// The libxml2 the process runs with (e.g. 20914 for 2.9.14), which may differ from the headers built against.
// xmlParserVersion is a global string variable; Swift 6 refuses it as shared mutable state.
#include <stdlib.h>
static inline int whosaid_libxml2RuntimeVersion(void) { return atoi(xmlParserVersion); }

// xmlFree is a global function pointer variable; Swift 6 refuses it as shared mutable state.
static inline void whosaid_xmlFree(void *pointer) { xmlFree(pointer); }

// libxml2 prints every parse and encoding problem to stderr by default; whosaid reports problems itself.
// (Passing NULL as the handler would restore that default printer, so the handlers do nothing instead.)
static inline void whosaid_ignoreGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void whosaid_ignoreStructuredError(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}
static inline void whosaid_silenceXMLErrors(void) {
    xmlSetGenericErrorFunc(NULL, whosaid_ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, whosaid_ignoreStructuredError);
}
#endif
