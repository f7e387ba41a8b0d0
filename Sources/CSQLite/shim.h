#ifndef STORESYNC_CSQLITE_SHIM_H
#define STORESYNC_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
