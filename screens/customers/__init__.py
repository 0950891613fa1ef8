"""The customers screen: table, detail card and customer/touch forms."""
