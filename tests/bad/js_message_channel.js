const p = new MessageChannel();
