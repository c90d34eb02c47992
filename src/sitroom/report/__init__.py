"""What people read and use: tables, article views and exports."""
